using Feedback.Core.Responses;
using Feedback.Core.Storage;

namespace Feedback.Core.Scoring;

/// <summary>
/// Reads a query that needs two property dimensions (rollups hold one at a time) by streaming the matching raw answers:
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
            // The store matches properties; channel is a field of the answer, so it is matched here.
            Properties = q.Filters.Where(f => f.Key != ScoreRollup.ChannelDimension).ToDictionary(),
        };
        var days = new SortedDictionary<DateOnly, long[]>();
        var groups = new Dictionary<string, long[]>(StringComparer.Ordinal);
        await foreach (var response in responses.StreamAsync(query, ct))
        {
            if (!q.Filters.All(f => ValueOf(response, f.Key) == f.Value))
            {
                continue;
            }
            Count(days, DateOnly.FromDateTime(response.AnsweredAt.UtcDateTime), response.Score);
            if (q.GroupBy is { } groupBy && ValueOf(response, groupBy) is { } key)
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

    private static string? ValueOf(SurveyResponse response, string dimension) =>
        dimension == ScoreRollup.ChannelDimension ? response.Channel : response.Properties.GetValueOrDefault(dimension);

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
