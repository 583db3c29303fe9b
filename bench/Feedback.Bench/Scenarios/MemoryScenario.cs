using Feedback.Bench.Harness;
using Feedback.Core.Delivery;
using Feedback.Core.Surveys;

namespace Feedback.Bench.Scenarios;

/// <summary>
/// A deep outbox: pending surveys, 1 % of them due now and the rest due tomorrow (waiting out their delay). Process RSS and
/// GC heap after the dispatcher's first pass, and at steady state after further passes (once a second) find nothing due.
/// The figures are of this whole process (service, sink and load client), so they bound the service's from above.
/// </summary>
public static class MemoryScenario
{
    public static async Task<Dictionary<string, object>> RunAsync(BenchOptions o)
    {
        var counts = new SinkCounts();
        await using var sink = await BareHost.SendGridSinkAsync(counts, TimeSpan.Zero);
        await using var host = await DispatchScenario.StartWithSinkAsync(sink);
        var template = await Seed.TemplateAsync(host);
        var due = o.PendingSurveys / 100;
        await Seed.SurveysAsync(host, template, due, SurveyStatus.Scheduled, DateTimeOffset.UtcNow.AddMinutes(-1), "due");
        await Seed.SurveysAsync(host, template, o.PendingSurveys - due, SurveyStatus.Scheduled, DateTimeOffset.UtcNow.AddDays(1), "later");
        // The seeding ran in this process; collect its garbage so the figures start from the service's own state.
        Memory.Settle();
        var rssIdle = Memory.RssMb();

        var dispatcher = host.Services.GetRequiredService<SurveyDispatcher>();
        var sent = await dispatcher.DispatchDueAsync();
        var rssFirstPass = Memory.RssMb();
        var heapFirstPass = Memory.GcHeapMb();
        var passes = o.Quick ? 3 : 30;
        for (var i = 0; i < passes; i++)
        {
            sent += await dispatcher.DispatchDueAsync();
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        var rssSteady = Memory.RssMb();
        var heapSteady = Memory.GcHeapMb();
        Memory.Settle();
        return new Dictionary<string, object>
        {
            ["pendingSurveys"] = o.PendingSurveys,
            ["dueSurveys"] = due,
            ["sentByPasses"] = sent,
            ["emailsAtSink"] = counts.Recipients,
            ["rssBeforeFirstPassMb"] = rssIdle,
            ["rssAfterFirstPassMb"] = rssFirstPass,
            ["gcHeapAfterFirstPassMb"] = heapFirstPass,
            ["steadyPasses"] = passes,
            ["rssSteadyMb"] = rssSteady,
            ["gcHeapSteadyMb"] = heapSteady,
            ["rssSteadyAfterFullGcMb"] = Memory.RssMb(),
            ["target"] = "rss < 300 MB",
        };
    }
}
