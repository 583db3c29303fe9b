using System.Net;
using System.Net.Http.Json;
using Feedback.Core.Surveys;
using Feedback.Testing;

namespace Feedback.Api.Tests.Delivery;

/// <summary>
/// Dispatch runs in its own Quartz job with its own HTTP client, and holds no database lock while it waits for SendGrid:
/// a hanging SendGrid stalls only the dispatch, never answers, ingest or reads.
/// </summary>
public sealed class BulkheadTests : DeliveryFixture
{
    // Long enough to outlast the checks below while the request hangs, short enough that stopping the host is quick.
    public BulkheadTests() => Factory.Settings["Feedback:SendGrid:Timeout"] = "00:00:06";

    protected override bool SchedulingEnabled => true;

    protected override string PollInterval => "00:00:01";

    [Fact]
    public async Task HangingSendGridDoesNotBlockAnswersIngestOrReads()
    {
        await CreateTemplateAsync(t => t["delay"] = "PT0S");
        var answerable = await PostEventAsync("e-1", "en", "amy@example.co.uk", "ticket-1");
        await WaitUntilAsync(async () => (await SurveyAsync(answerable)).Status == SurveyStatus.Sent);
        SendGrid.Default = FakeSendGridResponse.Accepted with { Delay = TimeSpan.FromHours(1) };
        var stuck = await PostEventAsync("e-2", "en", "bo@example.com", "ticket-2");
        await WaitUntilAsync(() => Task.FromResult(SendGrid.Requests.Count == 2));

        var answer = await Factory.CreateAnonymousClient().GetAsync($"/s/{(await SurveyAsync(answerable)).Token}?score=5");
        var ingested = await PostEventAsync("e-3", "en", "cy@example.com", "ticket-3");
        var read = await Admin.GetFromJsonAsync<SurveyRead>($"/v1/surveys/{stuck}");
        var metrics = await Factory.CreateAnonymousClient().GetStringAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(SurveyStatus.Answered, (await SurveyAsync(answerable)).Status);
        Assert.NotEqual("", ingested);
        Assert.Equal("sending", read!.Status);
        Assert.Contains("feedback_outbox_depth", metrics);
        Assert.Equal(2, SendGrid.Requests.Count);
    }

    // Quartz fires on the injected fake clock, so the clock moves while waiting for the job to act.
    private async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            Factory.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50, timeout.Token);
        }
    }

    private sealed record SurveyRead(string Status);
}
