using Feedback.Core.Storage;

namespace Feedback.Core.Scoring;

/// <summary>Reads a query that needs at most one property dimension from the rollups: O(days × groups) rows.</summary>
public static class RollupScoreReader
{
    public static async Task<ScoreData> ReadAsync(IScoreRollupStore rollups, ScoreQuery q, CancellationToken ct)
    {
        var (dimension, value) = q.Filters.Count == 1 ? q.Filters.Single() : new(ScoreRollup.All, ScoreRollup.All);
        var totals = await rollups.QueryAsync(Query(q, dimension, value), ct);
        var days = totals
            .GroupBy(r => r.Day)
            .Select(g => new DayTotals(g.Key, Histograms.Sum(g), g.Sum(r => r.Sent)))
            .ToList();
        if (q.GroupBy is not { } groupBy)
        {
            return new ScoreData(days, [], HasSent: true, ScoreSource.Rollups);
        }
        // Filtered and grouped on the same property: the one group is the filtered value.
        var rows = groupBy == dimension ? totals : await rollups.QueryAsync(Query(q, groupBy, null), ct);
        var groups = rows
            .GroupBy(r => r.Value, StringComparer.Ordinal)
            .Select(g => new GroupTotals(g.Key, Histograms.Sum(g), g.Sum(r => r.Sent)))
            // Rows a changed answer emptied stay until the next rebuild; they are not groups.
            .Where(g => g.Responses > 0 || g.Sent > 0)
            .ToList();
        return new ScoreData(days, groups, HasSent: true, ScoreSource.Rollups);
    }

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
