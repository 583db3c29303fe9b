using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Feedback.Api.Tests.Delivery;
using Feedback.Api.Tests.Responses;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Api.Tests.Operations;

// OpenTelemetry listens to meters by name across the process, so another test host's surveys would be counted too:
// these tests run alone.
[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsCollection;

[Collection(nameof(MetricsTests))]
public sealed class MetricsTests : DeliveryFixture
{
    private async Task<string> ScrapeAsync()
    {
        using var anonymous = Factory.CreateAnonymousClient();
        var response = await anonymous.GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    // Sum of every series of a metric (all label sets); 0 when the metric has no series yet.
    private static double Sum(string scrape, string metric) =>
        Regex.Matches(scrape, $@"^{Regex.Escape(metric)}(?:\{{[^}}]*\}})? (\S+)", RegexOptions.Multiline)
            .Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    [Fact]
    public async Task ServiceCountersMoveWhenASurveyIsScheduledAndSent()
    {
        await CreateTemplateAsync(t => t["delay"] = "PT0S");
        var before = await ScrapeAsync();

        await PostEventAsync("e-1", "en", "amy@example.co.uk");
        await Dispatcher.DispatchDueAsync();
        var after = await ScrapeAsync();

        Assert.Equal(Sum(before, "feedback_surveys_scheduled_total") + 1, Sum(after, "feedback_surveys_scheduled_total"));
        Assert.Equal(Sum(before, "feedback_surveys_sent_total") + 1, Sum(after, "feedback_surveys_sent_total"));
        Assert.Equal(1, Sum(after, "feedback_dispatch_lag_seconds_count"));
        Assert.Matches(@"(?m)^feedback_surveys_sent_total\{[^}]*kind=""csat""", after);
        Assert.Matches(@"(?m)^http_server_request_duration_seconds_count\{", after);
    }

    [Fact]
    public async Task DirectSendsAreCountedAsScheduledToo()
    {
        var templateId = await CreateTemplateAsync(t => t["delay"] = "PT0S");
        var before = await ScrapeAsync();

        var sent = await Admin.PostAsJsonAsync("/v1/surveys", new
        {
            templateId,
            subjectId = "ticket-9",
            customer = new { id = "c-9", email = "amy@example.co.uk", locale = "en" },
        });
        var duplicate = await Admin.PostAsJsonAsync("/v1/surveys", new
        {
            templateId,
            subjectId = "ticket-9",
            customer = new { id = "c-9", email = "amy@example.co.uk", locale = "en" },
        });
        var after = await ScrapeAsync();

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Conflict), (sent.StatusCode, duplicate.StatusCode));
        Assert.Equal(Sum(before, "feedback_surveys_scheduled_total") + 1, Sum(after, "feedback_surveys_scheduled_total"));
        Assert.Matches(@"(?m)^feedback_surveys_scheduled_total\{[^}]*kind=""csat""", after);
    }

    [Fact]
    public async Task OutboxDepthShowsSurveysWaitingToBeSent()
    {
        await CreateTemplateAsync(t => t["delay"] = "PT1H");
        await PostEventAsync("e-1", "en", "amy@example.co.uk", subjectId: "t-1");
        await PostEventAsync("e-2", "en", "amy@example.co.uk", subjectId: "t-2");

        await Dispatcher.DispatchDueAsync();
        var waiting = Sum(await ScrapeAsync(), "feedback_outbox_depth");
        Factory.Time.Advance(TimeSpan.FromHours(1));
        await Dispatcher.DispatchDueAsync();
        var drained = Sum(await ScrapeAsync(), "feedback_outbox_depth");

        Assert.Equal((2, 0), (waiting, drained));
    }

    [Fact]
    public async Task FailedSendsAreCountedAsUndeliverable()
    {
        await CreateTemplateAsync(t => t["delay"] = "PT0S");
        await PostEventAsync("e-1", "en", "amy@example.co.uk");
        SendGrid.Enqueue(400, """{"errors":[{"message":"bad"}]}""");

        await Dispatcher.DispatchDueAsync();

        Assert.Matches(@"(?m)^feedback_surveys_undeliverable_total\{[^}]*status=""failed""[^}]*\} 1$", await ScrapeAsync());
    }

    [Fact]
    public async Task AnswersAreCountedByKindAndChannelAndChangesSeparately()
    {
        await CreateTemplateAsync(t => t["delay"] = "PT0S");
        var id = await PostEventAsync("e-1", "en", "amy@example.co.uk");
        await Dispatcher.DispatchDueAsync();
        var token = (await SurveyAsync(id)).Token;
        using var customer = Factory.CreateAnonymousClient();

        (await customer.GetAsync($"/s/{token}?score=4")).EnsureSuccessStatusCode();
        (await customer.GetAsync($"/s/{token}?score=5")).EnsureSuccessStatusCode();
        var scrape = await ScrapeAsync();

        Assert.Matches(@"(?m)^feedback_responses_total\{[^}]*channel=""email""[^}]*kind=""csat""[^}]*\} 1$", scrape);
        Assert.Equal(1, Sum(scrape, "feedback_responses_changed_total"));
    }

    [Fact]
    public async Task FollowUpsAreCountedOpenedAndResolvedAndGaugedOpenAndOverdue()
    {
        var templateId = await CreateTemplateAsync(t => t["followUp"] = new System.Text.Json.Nodes.JsonObject { ["maxScore"] = 2, ["due"] = "PT1H" });
        using var ingest = await Factory.CreateClientAsync(Feedback.Core.Auth.ApiScope.Ingest);
        var before = await ScrapeAsync();

        await ingest.RecordAsync(ResponseBodies.Phone("call-1", templateId, score: 1));
        await ingest.RecordAsync(ResponseBodies.Phone("call-2", templateId, score: 1));
        var followUps = Factory.Services.GetRequiredService<Feedback.Core.Storage.IFollowUpStore>();
        var first = (await followUps.GetByResponseAsync("call-1"))!;
        (await ingest.PatchAsJsonAsync($"/v1/followups/{first.Id}", new { status = "resolved" })).EnsureSuccessStatusCode();
        Factory.Time.Advance(TimeSpan.FromHours(2));
        await Factory.Services.GetRequiredService<Feedback.Core.FollowUps.FollowUpService>().MarkOverdueAsync();
        var after = await ScrapeAsync();

        Assert.Equal(Sum(before, "feedback_followups_opened_total") + 2, Sum(after, "feedback_followups_opened_total"));
        Assert.Equal(Sum(before, "feedback_followups_resolved_total") + 1, Sum(after, "feedback_followups_resolved_total"));
        Assert.Equal(1, Sum(after, "feedback_followups_open"));
        Assert.Equal(1, Sum(after, "feedback_followups_overdue"));
    }
}
