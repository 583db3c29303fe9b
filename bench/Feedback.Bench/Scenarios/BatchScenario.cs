using System.Text.Json.Nodes;
using Feedback.Bench.Harness;

namespace Feedback.Bench.Scenarios;

/// <summary><c>POST /v1/events/batch</c> with 1000 events per request (each schedules one survey): events per second.</summary>
public static class BatchScenario
{
    private const int EventsPerRequest = 1000;
    private const int Workers = 4;

    public static async Task<Dictionary<string, object>> RunAsync(BenchOptions o)
    {
        await using var baseline = await BareHost.BaselineAsync();
        await using var host = await new ServiceHost().StartAsync();
        await Seed.TemplateAsync(host);
        var key = await host.KeyAsync("ingest");
        using var baselineClient = Http.Client(baseline.BaseAddress, key, Workers);
        using var serviceClient = host.Client(key, Workers);

        await Load.ClosedAsync(Workers, o.Warmup, n => IngestScenario.PostAsync(serviceClient, "/v1/events/batch", Body("warm", n)));
        var bare = await Load.ClosedAsync(Workers, o.LoadDuration, n => IngestScenario.PostAsync(baselineClient, "/v1/events/batch", Body("base", n)));
        var service = await Load.ClosedAsync(Workers, o.LoadDuration, n => IngestScenario.PostAsync(serviceClient, "/v1/events/batch", Body("run", n)));

        var figures = new Dictionary<string, object>
        {
            ["eventsPerRequest"] = EventsPerRequest,
            ["concurrentRequests"] = Workers,
            ["requests"] = service.Requests,
            ["failures"] = service.Failures,
            ["eventsPerSecond"] = Math.Round(service.PerSecond * EventsPerRequest),
            ["baselineEventsPerSecond"] = Math.Round(bare.PerSecond * EventsPerRequest),
            ["ratio"] = Math.Round(service.PerSecond / bare.PerSecond, 4),
            ["target"] = "eventsPerSecond >= 100000",
        };
        IngestScenario.Add(figures, service.Latencies.Figures("request"));
        return figures;
    }

    private static string Body(string run, long n) =>
        new JsonObject { ["events"] = new JsonArray([.. Enumerable.Range(0, EventsPerRequest).Select(i => (JsonNode)Seed.Event(run, n * EventsPerRequest + i))]) }.ToJsonString();
}
