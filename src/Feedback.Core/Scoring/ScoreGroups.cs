namespace Feedback.Core.Scoring;

/// <summary>One value of the group-by dimension: its answers and sends over the period.</summary>
public sealed record GroupTotals(string Key, long[] Histogram, long Sent)
{
    public long Responses => Histogram.Sum();
}

public static class ScoreGroups
{
    public const int DefaultTop = 10;
    public const int MaxTop = 100;
    public const string OtherKey = "(other)";

    /// <summary>
    /// The <paramref name="top"/> groups with the most answers (ties by key, ordinal), then everything else summed into
    /// one <see cref="OtherKey"/> group (absent when nothing is left). <paramref name="order"/>, when given, ranks the
    /// keys instead (e.g. resolution-time buckets); keys it does not know come after, by answers.
    /// </summary>
    public static (IReadOnlyList<GroupTotals> Top, GroupTotals? Other) Rank(
        IEnumerable<GroupTotals> groups, int top, string[]? order = null)
    {
        var byAnswers = groups.OrderByDescending(g => g.Responses).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var kept = byAnswers.Take(top).ToList();
        if (order is not null)
        {
            kept = kept.OrderBy(g => Rank(order, g.Key)).ToList();
        }
        var rest = byAnswers.Skip(top).ToList();
        if (rest.Count == 0)
        {
            return (kept, null);
        }
        var histogram = Histograms.Empty();
        rest.ForEach(g => Histograms.AddTo(histogram, g.Histogram));
        return (kept, new GroupTotals(OtherKey, histogram, rest.Sum(g => g.Sent)));
    }

    private static int Rank(string[] order, string key)
    {
        var index = Array.IndexOf(order, key);
        return index < 0 ? order.Length : index;
    }
}
