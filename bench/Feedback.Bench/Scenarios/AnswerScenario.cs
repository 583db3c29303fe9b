using System.Net;
using Feedback.Bench.Harness;
using Feedback.Core.Surveys;

namespace Feedback.Bench.Scenarios;

/// <summary>One-click answers (<c>GET /s/{token}?score=N</c>, each a first answer to its own sent survey) at a fixed rate: latency percentiles.</summary>
public static class AnswerScenario
{
    public static async Task<Dictionary<string, object>> RunAsync(BenchOptions o)
    {
        await using var host = await new ServiceHost().StartAsync();
        var template = await Seed.TemplateAsync(host);
        var tokens = await Seed.SurveysAsync(host, template, o.AnswerSurveys, SurveyStatus.Sent, DateTimeOffset.UtcNow.AddHours(-1), "sent", keepTokens: true);
        using var client = host.Client(null, o.Connections);
        var next = -1L;
        Task<bool> AnswerAsync(long n) => OneClickAsync(client, tokens[(int)Interlocked.Increment(ref next) % tokens.Count], (int)(n % 11));

        await Load.FixedRateAsync(o.AnswerRate, o.Warmup, AnswerAsync);
        var run = await Load.FixedRateAsync(o.AnswerRate, o.LoadDuration, AnswerAsync);
        var figures = new Dictionary<string, object>
        {
            ["targetRps"] = o.AnswerRate,
            ["requests"] = run.Requests,
            ["failures"] = run.Failures,
            ["achievedRps"] = Math.Round(run.PerSecond),
            ["target"] = "p99 < 10 ms",
        };
        IngestScenario.Add(figures, run.Latencies.Figures());
        return figures;
    }

    private static async Task<bool> OneClickAsync(HttpClient client, string token, int score)
    {
        using var response = await client.GetAsync($"/s/{token}?score={score}");
        return response.StatusCode == HttpStatusCode.OK;
    }
}
