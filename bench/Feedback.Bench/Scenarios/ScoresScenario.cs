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
        var run = await MeasureAsync(o, host, n => new Dictionary<string, string> { ["category"] = $"category{n / Days % 5}" },
            groupBy: "category", new Dictionary<string, string>());

        var figures = run.Figures();
        figures["importRowsPerSecond"] = Math.Round(run.Imported / run.ImportSeconds);
        figures["sameScore"] = run.FromRollups.Score == run.FromScan.Score && run.FromRollups.Series.Count == run.FromScan.Series.Count;
        figures["ratioP50"] = Math.Round(run.FullScan.Percentile(50) / run.Query.Percentile(50), 1);
        figures["target"] = "query p95 <= 5 ms and >= 1000x faster than the full scan";
        return figures;
    }

    /// <summary>What a score scenario measured: the data set, and one year's weekly report from the rollups and from a full scan.</summary>
    internal sealed record RollupsAgainstScan(
        long Imported, double ImportSeconds, int RollupRows, double RebuildSeconds,
        Latencies Query, Latencies FullScan, ScoreResponse FromRollups, ScoreResponse FromScan)
    {
        public Dictionary<string, object> Figures()
        {
            var figures = new Dictionary<string, object>
            {
                ["responses"] = Imported,
                ["importSeconds"] = Math.Round(ImportSeconds, 1),
                ["rollupRows"] = RollupRows,
                ["rebuildSeconds"] = Math.Round(RebuildSeconds, 1),
                ["queries"] = Query.Count,
                ["fullScans"] = FullScan.Count,
                ["rollupResponsesCounted"] = FromRollups.Responses,
                ["scanResponsesCounted"] = FromScan.Responses,
                ["ratioP95"] = Math.Round(FullScan.Percentile(95) / Query.Percentile(95), 1),
            };
            IngestScenario.Add(figures, Query.Figures("query"));
            IngestScenario.Add(figures, FullScan.Figures("fullScan"));
            return figures;
        }
    }

    /// <summary>
    /// Imports <see cref="BenchOptions.ScoreResponses"/> NPS answers with the given properties in bulk, rebuilds the rollups,
    /// then times <c>GET /v1/scores/nps</c> over the year by week, grouped by <paramref name="groupBy"/> and filtered by
    /// <paramref name="filters"/>, against the same report from a full scan of the raw answers.
    /// </summary>
    internal static async Task<RollupsAgainstScan> MeasureAsync(
        BenchOptions o, ServiceHost host, Func<long, Dictionary<string, string>> properties, string groupBy,
        IReadOnlyDictionary<string, string> filters)
    {
        var template = await Seed.TemplateAsync(host);
        var clock = Stopwatch.StartNew();
        var imported = await new SqliteBulkImport(host.Services.GetRequiredService<SqliteDatabase>())
            .AddResponsesAsync(Responses(template.Id, o.ScoreResponses, properties));
        var importSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var rebuild = await host.Services.GetRequiredService<IScoreRollupStore>().RebuildAsync();
        var rebuildSeconds = clock.Elapsed.TotalSeconds;

        using var client = host.Client(await host.KeyAsync("read"), 1);
        var filter = string.Concat(filters.Select(f => $"&property.{f.Key}={f.Value}"));
        var url = $"/v1/scores/nps?from={First:yyyy-MM-dd}&to={First.AddDays(Days):yyyy-MM-dd}&interval=week{filter}&groupBy={groupBy}";
        ScoreResponse? fromRollups = null;
        var query = await Samples(o.ScoreQueries, warmup: true, async () => fromRollups = await client.GetFromJsonAsync<ScoreResponse>(url));

        var scan = new ScoreQuery(SurveyKind.Nps, null, First, First.AddDays(Days), SeriesInterval.Week, groupBy, 10, false, filters);
        var responses = host.Services.GetRequiredService<IResponseStore>();
        ScoreResponse? fromScan = null;
        // No warm-up run: a scan of millions of rows is not dominated by first-call costs, and each one takes long.
        var full = await Samples(o.FullScans, warmup: false, async () =>
            fromScan = ScoreResponses.From(ScoreReport.Build(scan, await ResponseScoreReader.ReadAsync(responses, scan, CancellationToken.None), null)));

        return new RollupsAgainstScan(imported, importSeconds, rebuild.Rows, rebuildSeconds, query, full, fromRollups!, fromScan!);
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

    /// <summary>Deterministic answers spread evenly over the days, scores 0–10, the n-th with <paramref name="properties"/>(n).</summary>
    private static IEnumerable<SurveyResponse> Responses(string templateId, long count, Func<long, Dictionary<string, string>> properties)
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
                Properties = properties(n),
                AnsweredAt = at,
                UpdatedAt = at,
            };
        }
    }
}
