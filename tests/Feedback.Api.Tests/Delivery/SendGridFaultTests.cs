using Feedback.Core.Delivery;
using Feedback.Core.Surveys;
using Feedback.Testing;

namespace Feedback.Api.Tests.Delivery;

/// <summary>SendGrid misbehaving in every usual way: the surveys wait in the outbox with a jittered backoff and are sent once it recovers.</summary>
// The outbox-depth gauge is read through OpenTelemetry, which aggregates meters by name across the process: run with the metrics tests, alone.
[Collection(nameof(Feedback.Api.Tests.Operations.MetricsTests))]
public sealed class SendGridFaultTests : DeliveryFixture
{
    private const int Seed = 7;

    public SendGridFaultTests()
    {
        Factory.Settings["Feedback:Dispatch:JitterSeed"] = Seed.ToString();
        Factory.Settings["Feedback:SendGrid:Timeout"] = "00:00:00.500";
    }

    [Fact]
    public async Task TimeoutIsRetriedLaterAndThenSentOnce()
    {
        var id = await DueSurveyAsync("e-1");
        SendGrid.Enqueue(FakeSendGridResponse.Accepted with { Delay = TimeSpan.FromSeconds(10) });

        await Dispatcher.DispatchDueAsync();
        var waiting = await SurveyAsync(id);
        await SendAfterRetryAsync();

        Assert.Equal((SurveyStatus.Scheduled, 1), (waiting.Status, waiting.Attempts));
        Assert.Contains("did not answer", waiting.FailureReason);
        Assert.Equal(SurveyStatus.Sent, (await SurveyAsync(id)).Status);
        Assert.Equal(2, SendGrid.Requests.Count);
    }

    [Fact]
    public async Task StormOfTooManyRequestsHonoursEachRetryAfterAndLosesNothing()
    {
        string[] ids = [await DueSurveyAsync("e-1"), await PostEventAsync("e-2", "en", "bo@example.com", "ticket-2")];
        for (var i = 1; i <= 5; i++)
        {
            SendGrid.Enqueue(429, null, new Dictionary<string, string> { ["Retry-After"] = (i * 10).ToString() });
        }

        var waits = new List<TimeSpan>();
        for (var storm = 1; storm <= 5; storm++)
        {
            await Dispatcher.DispatchDueAsync();
            var survey = await SurveyAsync(ids[0]);
            waits.Add(survey.SendAt - Factory.Time.GetUtcNow());
            Factory.Time.Advance(survey.SendAt - Factory.Time.GetUtcNow());
        }
        await Dispatcher.DispatchDueAsync();

        Assert.Equal([10, 20, 30, 40, 50], waits.Select(w => (int)w.TotalSeconds));
        Assert.Equal(6, SendGrid.Requests.Count);
        foreach (var id in ids)
        {
            Assert.Equal(SurveyStatus.Sent, (await SurveyAsync(id)).Status);
        }
        // The batch stayed whole through the storm: every request carried both surveys, and the last one was taken.
        Assert.All(SendGrid.Requests, r => Assert.Equal(2, r.Json.GetProperty("personalizations").GetArrayLength()));
    }

    [Fact]
    public async Task ServerErrorsBackOffExponentiallyWithSeededJitter()
    {
        var id = await DueSurveyAsync("e-1");
        for (var i = 0; i < 3; i++)
        {
            SendGrid.Enqueue(FakeSendGridResponse.Error(503, "busy"));
        }
        var jitter = new Random(Seed);

        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await Dispatcher.DispatchDueAsync();
            var survey = await SurveyAsync(id);
            waits.Add(survey.SendAt - Factory.Time.GetUtcNow());
            Factory.Time.Advance(waits[^1]);
        }
        await Dispatcher.DispatchDueAsync();

        Assert.Equal(
            [RetryBackoff.Delay(1, null, jitter.NextDouble()), RetryBackoff.Delay(2, null, jitter.NextDouble()), RetryBackoff.Delay(3, null, jitter.NextDouble())],
            waits);
        // Jitter spreads retries: each wait lies between half and all of the doubling backoff (30 s, 60 s, 120 s), not on it.
        Assert.All(waits.Select((w, i) => (w, full: TimeSpan.FromSeconds(30 << i))), x => Assert.InRange(x.w, x.full / 2, x.full));
        Assert.NotEqual(1, waits.Select((w, i) => w / (1 << i)).Distinct().Count());
        Assert.Equal((SurveyStatus.Sent, 4), ((await SurveyAsync(id)).Status, (await SurveyAsync(id)).Attempts));
    }

    [Fact]
    public async Task SlowResponseWithinTheTimeoutIsSentOnce()
    {
        var id = await DueSurveyAsync("e-1");
        SendGrid.Enqueue(FakeSendGridResponse.Accepted with { Delay = TimeSpan.FromMilliseconds(300) });

        await Dispatcher.DispatchDueAsync();

        Assert.Equal((SurveyStatus.Sent, 1), ((await SurveyAsync(id)).Status, SendGrid.Requests.Count));
    }

    [Fact]
    public async Task OutboxDepthIsVisibleInMetricsWhileSendGridFails()
    {
        await DueSurveyAsync("e-1");
        await PostEventAsync("e-2", "en", "bo@example.com", "ticket-2");
        SendGrid.Enqueue(FakeSendGridResponse.Error(500, "down"));

        await Dispatcher.DispatchDueAsync();
        var metrics = await Factory.CreateAnonymousClient().GetStringAsync("/metrics");

        Assert.Matches(@"(?m)^feedback_outbox_depth(\{[^}]*\})? 2( \d+)?$", metrics);
    }

    private bool _templateCreated;

    private async Task<string> DueSurveyAsync(string eventId)
    {
        if (!_templateCreated)
        {
            await CreateTemplateAsync(t => t["delay"] = "PT0S");
            _templateCreated = true;
        }
        return await PostEventAsync(eventId, "en", "amy@example.co.uk", $"ticket-{eventId}");
    }

    private async Task SendAfterRetryAsync()
    {
        Factory.Time.Advance(TimeSpan.FromHours(1));
        await Dispatcher.DispatchDueAsync();
    }
}
