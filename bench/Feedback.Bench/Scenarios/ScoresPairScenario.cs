using System.Diagnostics;
using System.Net.Http.Json;
using Feedback.Api.Features.Scores;
using Feedback.Bench.Harness;
using Feedback.Core.Responses;
using Feedback.Core.Scoring;
using Feedback.Core.Storage;
using Feedback.Core.Templates;
using Feedback.Storage.Sqlite;

namespace Feedback.Bench.Scenarios;

/// <summary>
/// The two-dimension score query: responses over 365 days × 5 categories × 40 agents, with
/// <c>Feedback:Scores:PairProperties=category,agent</c>, imported in bulk and counted by the rollup rebuild; then
/// <c>GET /v1/scores/nps?property.category=category2&amp;groupBy=agent&amp;interval=week</c> over the year (pair rows)
/// against the same report from a full scan of the raw responses (what the query did before the pair rows).
/// </summary>
public static class ScoresPairScenario
{
    private const int Days = 365;
    private const int Categories = 5;
    private const int Agents = 40;
    private static readonly DateOnly First = new(2025, 11, 1);

    public static async Task<Dictionary<string, object>> RunAsync(BenchOptions o)
    {
        await using var host = new ServiceHost();
        host.Settings[RollupPairs.ConfigurationKey] = "category,agent";
        await host.StartAsync();
        var template = await Seed.TemplateAsync(host);
        var clock = Stopwatch.StartNew();
        var imported = await new SqliteBulkImport(host.Services.GetRequiredService<SqliteDatabase>()).AddResponsesAsync(Responses(template.Id, o.ScoreResponses));
        var importSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var rebuild = await host.Services.GetRequiredService<IScoreRollupStore>().RebuildAsync();
        var rebuildSeconds = clock.Elapsed.TotalSeconds;

        using var client = host.Client(await host.KeyAsync("read"), 1);
        var url = $"/v1/scores/nps?from={First:yyyy-MM-dd}&to={First.AddDays(Days):yyyy-MM-dd}&interval=week&property.category=category2&groupBy=agent";
        ScoreResponse? fromRollups = null;
        var query = await ScoresScenario.Samples(o.ScoreQueries, warmup: true, async () => fromRollups = await client.GetFromJsonAsync<ScoreResponse>(url));

        var scan = new ScoreQuery(SurveyKind.Nps, null, First, First.AddDays(Days), SeriesInterval.Week, "agent", 10, false,
            new Dictionary<string, string> { ["category"] = "category2" });
        var responses = host.Services.GetRequiredService<IResponseStore>();
        ScoreResponse? fromScan = null;
        var full = await ScoresScenario.Samples(o.FullScans, warmup: false, async () =>
            fromScan = ScoreResponses.From(ScoreReport.Build(scan, await ResponseScoreReader.ReadAsync(responses, scan, CancellationToken.None), null)));

        var figures = new Dictionary<string, object>
        {
            ["responses"] = imported,
            ["pairProperties"] = "category,agent",
            ["importSeconds"] = Math.Round(importSeconds, 1),
            ["rollupRows"] = rebuild.Rows,
            ["rebuildSeconds"] = Math.Round(rebuildSeconds, 1),
            ["queries"] = query.Count,
            ["fullScans"] = full.Count,
            ["source"] = fromRollups!.Source,
            ["rollupResponsesCounted"] = fromRollups.Responses,
            ["scanResponsesCounted"] = fromScan!.Responses,
            ["sameGroups"] = fromRollups.Score == fromScan.Score
                && fromRollups.Groups.Select(g => (g.Key, g.Responses, g.Score)).SequenceEqual(fromScan.Groups.Select(g => (g.Key, g.Responses, g.Score))),
            ["ratioP95"] = Math.Round(full.Percentile(95) / query.Percentile(95), 1),
            ["target"] = "query p95 <= 50 ms at 10 M responses (one property filter + groupBy another)",
        };
        IngestScenario.Add(figures, query.Figures("query"));
        IngestScenario.Add(figures, full.Figures("fullScan"));
        return figures;
    }

    /// <summary>Deterministic answers: every day has every category × agent once the count reaches 365 × 200, scores 0–10.</summary>
    private static IEnumerable<SurveyResponse> Responses(string templateId, long count)
    {
        var start = First.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        for (var n = 0L; n < count; n++)
        {
            var at = new DateTimeOffset(start.AddDays(n % Days).AddSeconds(n / Days % 86_400));
            yield return new SurveyResponse
            {
                Id = $"bench-{n}",
                TemplateId = templateId,
                Kind = SurveyKind.Nps,
                Score = (int)(n * 7919 % 11),
                Locale = "en",
                CustomerId = $"c-{n % 100_000}",
                SubjectId = $"ticket-{n}",
                Channel = "web",
                Properties = new Dictionary<string, string>
                {
                    ["category"] = $"category{n / Days % Categories}",
                    ["agent"] = $"agent{n / (Days * Categories) % Agents}",
                },
                AnsweredAt = at,
                UpdatedAt = at,
            };
        }
    }
}
