using System.Net;
using Feedback.Bench.Harness;
using Feedback.Core.Surveys;

namespace Feedback.Bench.Scenarios;

/// <summary>
/// One-click answers (<c>GET /s/{token}?score=N</c>, each a first answer to its own sent survey) in an open loop at
/// 1 k, 2 k, 5 k and 10 k requests/s, each rate for the same number of requests: p50/p99 per rate and the highest rate
/// held (p99 ≤ <see cref="HeldP99Ms"/>, no failures). The surveys are seeded through the storage port by an
/// in-process service on a database file that the measured service, a process of its own (<see cref="ChildHost"/>),
/// then opens; so its CPU per request is its own and the load generator's stays here.
/// </summary>
public static class AnswerScenario
{
    public static readonly int[] Rates = [1_000, 2_000, 5_000, 10_000];
    public const double HeldP99Ms = 50;

    public static async Task<Dictionary<string, object>> RunAsync(BenchOptions o)
    {
        var data = Directory.CreateTempSubdirectory("feedback-bench-answer-");
        try
        {
            return await RunAsync(o, Path.Combine(data.FullName, "feedback.db"));
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static async Task<Dictionary<string, object>> RunAsync(BenchOptions o, string database)
    {
        var perRate = o.AnswerRequestsPerRate;
        var warmup = perRate / 4;
        List<string> tokens;
        await using (var seeder = new ServiceHost())
        {
            seeder.Settings[ServiceHost.SqlitePathKey] = database;
            await seeder.StartAsync();
            var template = await Seed.TemplateAsync(seeder);
            tokens = await Seed.SurveysAsync(seeder, template, warmup + perRate * Rates.Length, SurveyStatus.Sent, DateTimeOffset.UtcNow.AddHours(-1), "sent", keepTokens: true);
        }
        await using var service = await ChildHost.StartAsync("service", $"{ServiceHost.SqlitePathKey}={database}");
        using var client = Http.Client(service.BaseAddress, null, o.AnswerConnections);
        var next = -1L;
        Task<bool> AnswerAsync(long n) => OneClickAsync(client, tokens[(int)Interlocked.Increment(ref next)], (int)(n % 11));

        await Load.FixedRateAsync(Rates[0], warmup, AnswerAsync);
        var figures = new Dictionary<string, object>
        {
            ["requestsPerRate"] = perRate,
            ["connections"] = o.AnswerConnections,
            ["cpuMeasuredAs"] = "user+system time of the service's own process (/proc/<pid>/stat) / requests it answered",
        };
        var failures = 0L;
        var held = 0;
        foreach (var rate in Rates)
        {
            var before = service.CpuTime();
            var run = await Load.FixedRateAsync(rate, perRate, AnswerAsync);
            var cpu = service.CpuTime() - before;
            failures += run.Failures;
            var prefix = $"r{rate}.";
            figures[prefix + "requests"] = run.Requests;
            figures[prefix + "failures"] = run.Failures;
            figures[prefix + "achievedRps"] = Math.Round(run.PerSecond);
            figures[prefix + "cpuUsPerRequest"] = Math.Round(cpu.TotalMicroseconds / run.Requests, 1);
            IngestScenario.Add(figures, run.Latencies.Figures(prefix));
            if (run.Failures == 0 && run.Latencies.Percentile(99) <= HeldP99Ms)
            {
                held = rate;
            }
        }
        figures["failures"] = failures;
        figures["highestRateHeld"] = held;
        figures["target"] = $"r1000.p99Ms <= 20; highestRateHeld (p99 <= {HeldP99Ms} ms) >= 5000";
        return figures;
    }

    private static async Task<bool> OneClickAsync(HttpClient client, string token, int score)
    {
        using var response = await client.GetAsync($"/s/{token}?score={score}");
        return response.StatusCode == HttpStatusCode.OK;
    }
}
