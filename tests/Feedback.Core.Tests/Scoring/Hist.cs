namespace Feedback.Core.Tests.Scoring;

/// <summary>Histograms written as score → count pairs, for readable hand-computed cases.</summary>
internal static class Hist
{
    public static long[] Of(params (int Score, long Count)[] counts)
    {
        var histogram = new long[11];
        foreach (var (score, count) in counts)
        {
            histogram[score] += count;
        }
        return histogram;
    }
}
