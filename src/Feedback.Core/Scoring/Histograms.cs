namespace Feedback.Core.Scoring;

/// <summary>Score histograms (index = score, <see cref="ScoreRollup.HistogramLength"/> counts) summed over rows.</summary>
public static class Histograms
{
    public static long[] Empty() => new long[ScoreRollup.HistogramLength];

    public static long[] Sum(IEnumerable<ScoreRollup> rows)
    {
        var total = Empty();
        foreach (var row in rows)
        {
            AddTo(total, row.Histogram);
        }
        return total;
    }

    public static void AddTo(long[] total, IReadOnlyList<long> histogram)
    {
        for (var s = 0; s < total.Length && s < histogram.Count; s++)
        {
            total[s] += histogram[s];
        }
    }
}
