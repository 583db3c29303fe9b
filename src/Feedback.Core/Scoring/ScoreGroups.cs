namespace Feedback.Core.Scoring;

/// <summary>One value of the group-by dimension: its answers and sends over the period.</summary>
public sealed record GroupTotals(string Key, long[] Histogram, long Sent, long Answered = 0)
{
    public long Responses => Histogram.Sum();
}

public static class ScoreGroups
{
    public const int DefaultTop = 10;
    public const int MaxTop = 100;
    public const string OtherKey = "(other)";
    public const string NoneKey = "(none)";

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
        return (kept, new GroupTotals(OtherKey, histogram, rest.Sum(g => g.Sent), rest.Sum(g => g.Answered)));
    }

    /// <summary>
    /// The groups of a query grouped by <paramref name="groupBy"/>, to rank, and its <see cref="NoneKey"/> group. Reasons
    /// count their answers without one in a row of their own (an answer may be in several groups, so the total minus the
    /// groups means nothing); every other dimension's is <see cref="None(ScoreData)"/>.
    /// </summary>
    public static (IReadOnlyList<GroupTotals> Groups, GroupTotals? None) Split(ScoreData data, string groupBy) =>
        groupBy == ScoreRollup.ReasonDimension
            ? ([.. data.Groups.Where(g => g.Key != NoneKey)], data.Groups.FirstOrDefault(g => g.Key == NoneKey))
            : (data.Groups, None(data));

    /// <summary>
    /// The answers and sends of the period in no group: without the property, or with a value no breakdown counts (empty,
    /// or longer than <see cref="RollupKeys.MaxValueLength"/>). Each answer is in at most one group, so this is the
    /// period's total minus the groups, and the groups with it add up to the total. Null when nothing is left.
    /// </summary>
    public static GroupTotals? None(ScoreData data)
    {
        var histogram = data.Histogram();
        foreach (var group in data.Groups)
        {
            for (var s = 0; s < histogram.Length; s++)
            {
                histogram[s] -= group.Histogram[s];
            }
        }
        // Never below zero: without transactions (MongoDB) a query can see an answer in one row and not yet in another.
        var none = new GroupTotals(NoneKey, [.. histogram.Select(c => Math.Max(0, c))],
            Math.Max(0, data.Sent - data.Groups.Sum(g => g.Sent)), Math.Max(0, data.Answered - data.Groups.Sum(g => g.Answered)));
        return none.Responses > 0 || none.Sent > 0 ? none : null;
    }

    private static int Rank(string[] order, string key)
    {
        var index = Array.IndexOf(order, key);
        return index < 0 ? order.Length : index;
    }
}
