using System.Diagnostics;
using Feedback.Bench.Harness;
using Feedback.Core.Delivery;
using Feedback.Core.Surveys;

namespace Feedback.Bench.Scenarios;

/// <summary>
/// Due surveys sent end to end (claim → render → send → mark sent) to a SendGrid sink that answers 202, once at once and
/// once after 20 ms: e-mails per second, the requests it took, and the CPU per e-mail (the bench process's user + system
/// time during the sending, so the in-process sink's share is in it too).
/// </summary>
public static class DispatchScenario
{
    public static async Task<Dictionary<string, object>> RunAsync(BenchOptions o)
    {
        var figures = new Dictionary<string, object>
        {
            ["surveys"] = o.DispatchSurveys, ["target"] = "emailsPerSecond >= 10000",
            ["cpuMeasuredAs"] = "user+system time of the bench process (dispatcher, SQLite and the in-process sink) while sending / e-mails sent",
        };
        foreach (var latency in new[] { 0, 20 })
        {
            var (emails, requests, seconds, cpu) = await SendAllAsync(o.DispatchSurveys, TimeSpan.FromMilliseconds(latency));
            var prefix = latency == 0 ? "" : $"sinkLatency{latency}Ms.";
            figures[$"{prefix}emailsSent"] = emails;
            figures[$"{prefix}requestsMade"] = requests;
            figures[$"{prefix}seconds"] = Math.Round(seconds, 3);
            figures[$"{prefix}emailsPerSecond"] = Math.Round(emails / seconds);
            figures[$"{prefix}cpuUsPerEmail"] = Math.Round(cpu.TotalMicroseconds / emails, 1);
        }
        return figures;
    }

    private static async Task<(long Emails, long Requests, double Seconds, TimeSpan Cpu)> SendAllAsync(int count, TimeSpan latency)
    {
        var counts = new SinkCounts();
        await using var sink = await BareHost.SendGridSinkAsync(counts, latency);
        await using var host = await StartWithSinkAsync(sink);
        var template = await Seed.TemplateAsync(host);
        await Seed.SurveysAsync(host, template, count, SurveyStatus.Scheduled, DateTimeOffset.UtcNow.AddMinutes(-1), "due");
        var dispatcher = host.Services.GetRequiredService<SurveyDispatcher>();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        while (await dispatcher.DispatchDueAsync() > 0)
        {
        }
        return (counts.Recipients, counts.Requests, clock.Elapsed.TotalSeconds, Environment.CpuUsage.TotalTime - cpuBefore);
    }

    public static async Task<ServiceHost> StartWithSinkAsync(BareHost sink)
    {
        var host = new ServiceHost();
        host.Settings["Feedback:SendGrid:ApiKey"] = "SG.bench";
        host.Settings["Feedback:SendGrid:BaseUrl"] = sink.BaseAddress.ToString().TrimEnd('/');
        return await host.StartAsync();
    }
}
