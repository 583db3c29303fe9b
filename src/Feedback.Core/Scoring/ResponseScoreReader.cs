using Feedback.Core.Storage;

namespace Feedback.Core.Scoring;

/// <summary>
/// Reads a query that needs two dimensions (rollups hold one at a time) by streaming the matching raw answers:
/// O(answers). Sends are not in the answers, so <see cref="ScoreData.HasSent"/> is false (sent and responseRate: null).
/// </summary>
public static class ResponseScoreReader
{
    public static async Task<ScoreData> ReadAsync(IResponseStore responses, ScoreQuery q, CancellationToken ct)
    {
        var query = new ResponseQuery
        {
            TemplateId = q.TemplateId,
            Kind = q.Kind,
            From = Midnight(q.From),
            To = Midnight(q.To),
            Channel = q.Filters.GetValueOrDefault(ScoreRollup.ChannelDimension),
            Properties = q.Filters.Where(f => f.Key != ScoreRollup.ChannelDimension).ToDictionary(),
        };
        var days = new SortedDictionary<DateOnly, long[]>();
        var groups = new Dictionary<string, long[]>(StringComparer.Ordinal);
        await foreach (var response in responses.StreamAsync(query, ct))
        {
            Count(days, DateOnly.FromDateTime(response.AnsweredAt.UtcDateTime), response.Score);
            // Grouped by the rollups' rule, so a value they do not count (empty, too long) is in no group here either.
            foreach (var key in q.GroupBy is { } groupBy ? RollupKeys.ValuesIn(response, groupBy) : [])
            {
                Count(groups, key, response.Score);
            }
        }
        return new ScoreData(
            days.Select(d => new DayTotals(d.Key, d.Value, 0)).ToList(),
            groups.Select(g => new GroupTotals(g.Key, g.Value, 0)).ToList(),
            HasSent: false,
            ScoreSource.Responses);
    }

    private static void Count<TKey>(IDictionary<TKey, long[]> histograms, TKey key, int score)
    {
        if (!histograms.TryGetValue(key, out var histogram))
        {
            histograms[key] = histogram = Histograms.Empty();
        }
        histogram[score]++;
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
