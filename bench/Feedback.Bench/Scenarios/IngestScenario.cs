using System.Net;
using System.Text;
using Feedback.Bench.Harness;

namespace Feedback.Bench.Scenarios;

/// <summary>
/// <c>POST /v1/events</c> (each event schedules one survey, stored durably before the 202) against a bare Kestrel
/// endpoint that parses the same JSON into the same type and answers 202 without storing; same client, same load, at
/// 32 and at 256 connections. Each side runs in a process of its own (<see cref="ChildHost"/>), so its CPU time per
/// request is its own; the load generator's CPU stays in this process. The durable commit's cost on this disk is
/// measured in the same run, because at 32 connections it bounds what any durable store can do.
/// </summary>
public static class IngestScenario
{
    public static readonly int[] ConnectionCounts = [32, 256];

    public static async Task<Dictionary<string, object>> RunAsync(BenchOptions o) => await RunAsync(o, []);

    /// <summary>The scenario with extra service settings (<c>key=value</c>), e.g. a relaxed <c>synchronous</c> level.</summary>
    public static async Task<Dictionary<string, object>> RunAsync(BenchOptions o, string[] settings)
    {
        await using var baseline = await ChildHost.StartAsync("bare");
        await using var service = await ChildHost.StartAsync("service", settings);
        string key;
        using (var admin = Http.Client(service.BaseAddress, ServiceHost.AdminKey, 1))
        {
            await Seed.TemplateIdAsync(admin);
            key = await ServiceHost.KeyAsync(admin, "ingest");
        }
        var synchronous = settings.Any(s => s.EndsWith("Synchronous=Normal", StringComparison.Ordinal)) ? "NORMAL" : "FULL";
        var commitMs = CommitLatency.MeasureMs(o.Quick ? 20 : 200, synchronous);
        var figures = new Dictionary<string, object>
        {
            ["synchronous"] = synchronous,
            ["seconds"] = o.LoadDuration.TotalSeconds,
            ["commitLatencyMs"] = commitMs,
            ["cpuMeasuredAs"] = "user+system time of each side's own process (/proc/<pid>/stat) / requests it answered",
        };
        var failures = 0L;
        foreach (var connections in ConnectionCounts)
        {
            using var baselineClient = Http.Client(baseline.BaseAddress, key, connections);
            using var serviceClient = Http.Client(service.BaseAddress, key, connections);
            await Load.ClosedAsync(connections, o.Warmup, n => PostAsync(baselineClient, "/v1/events", Seed.Event($"warm{connections}", n).ToJsonString()));
            await Load.ClosedAsync(connections, o.Warmup, n => PostAsync(serviceClient, "/v1/events", Seed.Event($"warm{connections}", n).ToJsonString()));
            var (bare, bareCpu) = await MeasuredAsync(baseline, connections, o, n => PostAsync(baselineClient, "/v1/events", Seed.Event($"base{connections}", n).ToJsonString()));
            var (run, runCpu) = await MeasuredAsync(service, connections, o, n => PostAsync(serviceClient, "/v1/events", Seed.Event($"run{connections}", n).ToJsonString()));
            failures += bare.Failures + run.Failures;
            // At this many connections a durable store that commits once per round of requests answers at most connections ÷ commit latency.
            var commitBound = connections / (commitMs / 1000);
            var prefix = $"c{connections}.";
            figures[prefix + "baselineRequests"] = bare.Requests;
            figures[prefix + "baselineRps"] = Math.Round(bare.PerSecond);
            figures[prefix + "serviceRequests"] = run.Requests;
            figures[prefix + "serviceRps"] = Math.Round(run.PerSecond);
            figures[prefix + "ratio"] = Math.Round(run.PerSecond / bare.PerSecond, 4);
            figures[prefix + "commitBoundRps"] = Math.Round(commitBound);
            figures[prefix + "ratioToMinOfBaselineAndCommitBound"] = Math.Round(run.PerSecond / Math.Min(bare.PerSecond, commitBound), 4);
            figures[prefix + "baselineCpuUsPerRequest"] = Math.Round(bareCpu, 1);
            figures[prefix + "serviceCpuUsPerRequest"] = Math.Round(runCpu, 1);
            figures[prefix + "cpuRatio"] = Math.Round(runCpu / bareCpu, 2);
            Add(figures, bare.Latencies.Figures(prefix + "baseline"));
            Add(figures, run.Latencies.Figures(prefix + "service"));
        }
        figures["failures"] = failures;
        figures["target"] = "c256.ratio >= 0.5; c32.ratioToMinOfBaselineAndCommitBound >= 0.85; cpuRatio <= 4";
        return figures;
    }

    /// <summary>A closed-loop run and the CPU time per request (µs) the serving process spent on it.</summary>
    private static async Task<(LoadResult Load, double CpuUsPerRequest)> MeasuredAsync(ChildHost side, int connections, BenchOptions o, Func<long, Task<bool>> send)
    {
        var before = side.CpuTime();
        var result = await Load.ClosedAsync(connections, o.LoadDuration, send);
        var cpu = side.CpuTime() - before;
        return (result, cpu.TotalMicroseconds / Math.Max(1, result.Requests));
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
