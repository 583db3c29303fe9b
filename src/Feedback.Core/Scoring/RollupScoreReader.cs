using Feedback.Core.Storage;

namespace Feedback.Core.Scoring;

/// <summary>
/// Reads a query from the rollups: one property dimension (<see cref="ScoreQuery.FitsRollups"/>) or a listed pair
/// (<see cref="ScoreQuery.FitsPairRollups"/>). O(days × groups) rows.
/// </summary>
public static class RollupScoreReader
{
    public static async Task<ScoreData> ReadAsync(IScoreRollupStore rollups, ScoreQuery q, CancellationToken ct)
    {
        var (dimension, value) = TotalsRows(q.Filters);
        // The store sums the days into the series' buckets, and the groups over the whole period: a year by week is 53 rows,
        // and 40 agents' groups 40 rows, not 14 600 day rows.
        var totals = await rollups.QueryAsync(Query(q, dimension, value) with { Buckets = BucketsOf(q.Interval) }, ct);
        var days = totals
            .GroupBy(r => r.Day)
            .Select(g => new DayTotals(g.Key, Histograms.Sum(g), g.Sum(r => r.Sent), g.Sum(r => r.Answered)))
            .ToList();
        if (q.GroupBy is not { } groupBy)
        {
            return new ScoreData(days, [], HasSent: true, ScoreSource.Rollups);
        }
        // Grouped by a filtered property: the one group is the filtered value, and the totals are its rows.
        var rows = q.Filters.TryGetValue(groupBy, out var filtered)
            ? totals.Select(r => r with { Value = filtered }).ToList()
            : await rollups.QueryAsync(Query(q, GroupRows(q.Filters, groupBy), null) with { Buckets = RollupBuckets.Period }, ct);
        var groups = rows
            .GroupBy(r => r.Value, StringComparer.Ordinal)
            .Select(g => new GroupTotals(g.Key, Histograms.Sum(g), g.Sum(r => r.Sent), g.Sum(r => r.Answered)))
            // Rows a changed answer emptied stay until the next rebuild; they are not groups.
            .Where(g => g.Responses > 0 || g.Sent > 0)
            .ToList();
        return new ScoreData(days, groups, HasSent: true, ScoreSource.Rollups);
    }

    /// <summary>The rows of the filtered answers: the all row, a filter's rows, or two filters' pair row.</summary>
    private static (string Dimension, string Value) TotalsRows(IReadOnlyDictionary<string, string> filters)
    {
        var ordered = filters.OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        return ordered switch
        {
            [] => (ScoreRollup.All, ScoreRollup.All),
            [var only] => (only.Key, only.Value),
            [var first, var second] => (RollupPairs.Dimension(first.Key, first.Value, second.Key), second.Value),
            _ => throw new ArgumentException("More than two filters do not fit the rollups.", nameof(filters)),
        };
    }

    /// <summary>The rows with one per value of <paramref name="groupBy"/>: its own, or the pair rows under the one filter.</summary>
    private static string GroupRows(IReadOnlyDictionary<string, string> filters, string groupBy) => filters.SingleOrDefault() is { Key: { } filter } f
        ? RollupPairs.Dimension(filter, f.Value, groupBy)
        : groupBy;

    private static RollupBuckets BucketsOf(SeriesInterval? interval) => interval switch
    {
        SeriesInterval.Day => RollupBuckets.Day,
        SeriesInterval.Week => RollupBuckets.Week,
        SeriesInterval.Month => RollupBuckets.Month,
        _ => RollupBuckets.Period,
    };

    private static RollupQuery Query(ScoreQuery q, string dimension, string? value) => new()
    {
        Kind = q.Kind,
        TemplateId = q.TemplateId,
        From = q.From,
        To = q.To,
        Dimension = dimension,
        Value = value,
    };
}
