using System.Net;
using System.Text;
using Feedback.Bench.Harness;

namespace Feedback.Bench.Scenarios;

/// <summary>
/// <c>POST /v1/events</c> (each event schedules one survey, stored durably before the 202) against a bare Kestrel
/// endpoint that parses the same JSON into the same type and answers 202 without storing; same client, same load.
/// </summary>
public static class IngestScenario
{
    public static async Task<Dictionary<string, object>> RunAsync(BenchOptions o)
    {
        await using var baseline = await BareHost.BaselineAsync();
        await using var host = await new ServiceHost().StartAsync();
        var template = await Seed.TemplateAsync(host);
        var key = await host.KeyAsync("ingest");

        using var baselineClient = Http.Client(baseline.BaseAddress, key, o.Connections);
        using var serviceClient = host.Client(key, o.Connections);
        await Load.ClosedAsync(o.Connections, o.Warmup, n => PostAsync(baselineClient, "/v1/events", Seed.Event("warm", n).ToJsonString()));
        await Load.ClosedAsync(o.Connections, o.Warmup, n => PostAsync(serviceClient, "/v1/events", Seed.Event("warm", n).ToJsonString()));
        var bare = await Load.ClosedAsync(o.Connections, o.LoadDuration, n => PostAsync(baselineClient, "/v1/events", Seed.Event("base", n).ToJsonString()));
        var service = await Load.ClosedAsync(o.Connections, o.LoadDuration, n => PostAsync(serviceClient, "/v1/events", Seed.Event("run", n).ToJsonString()));

        var figures = new Dictionary<string, object>
        {
            ["connections"] = o.Connections,
            ["seconds"] = o.LoadDuration.TotalSeconds,
            ["baselineRequests"] = bare.Requests,
            ["baselineRps"] = Math.Round(bare.PerSecond),
            ["serviceRequests"] = service.Requests,
            ["serviceRps"] = Math.Round(service.PerSecond),
            ["serviceFailures"] = service.Failures + bare.Failures,
            ["ratio"] = Math.Round(service.PerSecond / bare.PerSecond, 4),
            ["target"] = "ratio >= 0.5",
        };
        Add(figures, bare.Latencies.Figures("baseline"));
        Add(figures, service.Latencies.Figures("service"));
        Add(figures, await IngestBreakdown.MeasureAsync(host.Services, template, key, o.Quick ? 100 : 2000));
        return figures;
    }

    public static async Task<bool> PostAsync(HttpClient client, string path, string json)
    {
        using var response = await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        return response.StatusCode == HttpStatusCode.Accepted;
    }

    public static void Add(Dictionary<string, object> figures, Dictionary<string, object> more)
    {
        foreach (var (name, value) in more)
        {
            figures[name] = value;
        }
    }
}
