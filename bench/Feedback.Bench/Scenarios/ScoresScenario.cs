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
/// Responses over 365 days × 5 categories, written through the SQLite adapter's bulk import and counted into rollups by
/// the port's rebuild; then <c>GET /v1/scores/nps?interval=week&amp;groupBy=category</c> over the year against the same
/// report recomputed from a full scan of the raw responses (the service's own raw-answer reader).
/// </summary>
public static class ScoresScenario
{
    private const int Days = 365;
    private static readonly DateOnly First = new(2025, 11, 1);

    public static async Task<Dictionary<string, object>> RunAsync(BenchOptions o)
    {
        await using var host = await new ServiceHost().StartAsync();
        var template = await Seed.TemplateAsync(host);
        var clock = Stopwatch.StartNew();
        var imported = await new SqliteBulkImport(host.Services.GetRequiredService<SqliteDatabase>()).AddResponsesAsync(Responses(template.Id, o.ScoreResponses));
        var importSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var rebuild = await host.Services.GetRequiredService<IScoreRollupStore>().RebuildAsync();
        var rebuildSeconds = clock.Elapsed.TotalSeconds;

        using var client = host.Client(await host.KeyAsync("read"), 1);
        var url = $"/v1/scores/nps?from={First:yyyy-MM-dd}&to={First.AddDays(Days):yyyy-MM-dd}&interval=week&groupBy=category";
        ScoreResponse? fromRollups = null;
        var query = await Samples(o.ScoreQueries, warmup: true, async () => fromRollups = await client.GetFromJsonAsync<ScoreResponse>(url));

        var scan = new ScoreQuery(SurveyKind.Nps, null, First, First.AddDays(Days), SeriesInterval.Week, "category", 10, false, new Dictionary<string, string>());
        var responses = host.Services.GetRequiredService<IResponseStore>();
        ScoreResponse? fromScan = null;
        // No warm-up run: a scan of millions of rows is not dominated by first-call costs, and each one takes long.
        var full = await Samples(o.FullScans, warmup: false, async () =>
            fromScan = ScoreResponses.From(ScoreReport.Build(scan, await ResponseScoreReader.ReadAsync(responses, scan, CancellationToken.None), null)));

        var figures = new Dictionary<string, object>
        {
            ["responses"] = imported,
            ["importSeconds"] = Math.Round(importSeconds, 1),
            ["importRowsPerSecond"] = Math.Round(imported / importSeconds),
            ["rollupRows"] = rebuild.Rows,
            ["rebuildSeconds"] = Math.Round(rebuildSeconds, 1),
            ["queries"] = query.Count,
            ["fullScans"] = full.Count,
            ["rollupResponsesCounted"] = fromRollups!.Responses,
            ["scanResponsesCounted"] = fromScan!.Responses,
            ["sameScore"] = fromRollups.Score == fromScan.Score && fromRollups.Series.Count == fromScan.Series.Count,
            ["ratioP50"] = Math.Round(full.Percentile(50) / query.Percentile(50), 1),
            ["ratioP95"] = Math.Round(full.Percentile(95) / query.Percentile(95), 1),
            ["target"] = "query p95 <= 5 ms and >= 1000x faster than the full scan",
        };
        IngestScenario.Add(figures, query.Figures("query"));
        IngestScenario.Add(figures, full.Figures("fullScan"));
        return figures;
    }

    internal static async Task<Latencies> Samples(int count, bool warmup, Func<Task> run)
    {
        if (warmup)
        {
            await run();
        }
        var ticks = new List<long>(count);
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await run();
            ticks.Add(Stopwatch.GetTimestamp() - started);
        }
        return new Latencies(ticks);
    }

    /// <summary>Deterministic answers spread evenly over the days and the five categories, scores 0–10.</summary>
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
                Properties = new Dictionary<string, string> { ["category"] = $"category{n / Days % 5}" },
                AnsweredAt = at,
                UpdatedAt = at,
            };
        }
    }
}
