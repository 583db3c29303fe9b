using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Events;

public sealed class EventIngestTests : IAsyncLifetime
{
    private readonly FeedbackApiFactory _factory = new();
    private HttpClient _admin = null!;
    private HttpClient _ingest = null!;

    public async ValueTask InitializeAsync()
    {
        _admin = await _factory.CreateClientAsync(ApiScope.Admin);
        _ingest = await _factory.CreateClientAsync(ApiScope.Ingest);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<string> CreateTemplateAsync(Action<JsonObject>? change = null)
    {
        var body = TemplateBodies.Csat();
        change?.Invoke(body);
        var response = await _admin.PostAsJsonAsync("/v1/templates", body);
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private async Task<JsonObject> PostEventAsync(JsonObject body)
    {
        var response = await _ingest.PostAsJsonAsync("/v1/events", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task EventSchedulesOneSurveyPerMatchingActiveTemplate()
    {
        var first = await CreateTemplateAsync();
        var second = await CreateTemplateAsync(t => t["quietPeriod"] = null);
        await CreateTemplateAsync(t => t["trigger"] = "order.delivered");

        var outcome = await PostEventAsync(EventBodies.Resolved("e-1"));

        var templates = outcome["surveys"]!.AsArray().Select(s => (string)s!["templateId"]!).Order().ToList();
        Assert.Equal(new[] { first, second }.Order().ToList(), templates);
        Assert.All(outcome["surveys"]!.AsArray(), s => Assert.Equal("scheduled", (string?)s!["status"]));
        Assert.Empty(outcome["skipped"]!.AsArray());
    }

    [Fact]
    public async Task SendAtIsDelayLaterInsideTheCustomersWindow()
    {
        await CreateTemplateAsync();

        // 10:00Z + 24 h = 24 Nov 10:00Z = 11:00 in Bratislava: inside 09:00–20:00.
        var inside = await PostEventAsync(EventBodies.Resolved("e-1"));
        // 20:30Z + 24 h = 24 Nov 21:30 in Bratislava: moved to 25 Nov 09:00 local = 08:00Z.
        var late = await PostEventAsync(EventBodies.Resolved("e-2", subjectId: "ticket-43", customerId: "c-18", occurredAt: "2026-11-23T20:30:00Z"));

        Assert.Equal(DateTimeOffset.Parse("2026-11-24T10:00:00Z"), DateTimeOffset.Parse((string)inside["surveys"]![0]!["sendAt"]!));
        Assert.Equal(DateTimeOffset.Parse("2026-11-25T08:00:00Z"), DateTimeOffset.Parse((string)late["surveys"]![0]!["sendAt"]!));
    }

    [Fact]
    public async Task DuplicateEventIdReturnsTheFirstAnswerAndSchedulesNothing()
    {
        await CreateTemplateAsync();

        var first = await PostEventAsync(EventBodies.Resolved("e-1"));
        var again = await PostEventAsync(EventBodies.Resolved("e-1", subjectId: "another-ticket"));

        Assert.Equal(first.ToJsonString(), again.ToJsonString());
        var surveys = await _admin.GetFromJsonAsync<JsonObject>("/v1/surveys");
        Assert.Single(surveys!["items"]!.AsArray());
    }

    [Fact]
    public async Task ConcurrentDuplicatesScheduleOneSurvey()
    {
        await CreateTemplateAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _ingest.PostAsJsonAsync("/v1/events", EventBodies.Resolved("e-same"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (string)(await r.Content.ReadFromJsonAsync<JsonObject>())!["surveys"]![0]!["id"]!));
        Assert.Single(ids.Distinct());
        var surveys = await _admin.GetFromJsonAsync<JsonObject>("/v1/surveys");
        Assert.Single(surveys!["items"]!.AsArray());
    }

    [Fact]
    public async Task SecondEventForTheSameSubjectAndCustomerIsADuplicate()
    {
        var template = await CreateTemplateAsync(t => t["quietPeriod"] = null);

        await PostEventAsync(EventBodies.Resolved("e-1"));
        var second = await PostEventAsync(EventBodies.Resolved("e-2"));

        Assert.Empty(second["surveys"]!.AsArray());
        Assert.Equal("duplicate", (string?)second["skipped"]![0]!["reason"]);
        Assert.Equal(template, (string?)second["skipped"]![0]!["templateId"]);
    }

    [Fact]
    public async Task CustomerSurveyedWithinTheQuietPeriodIsSkipped()
    {
        await CreateTemplateAsync(t => t["quietPeriod"] = "P30D");

        await PostEventAsync(EventBodies.Resolved("e-1", subjectId: "ticket-1"));
        _factory.Time.Advance(TimeSpan.FromDays(8));
        var soon = await PostEventAsync(EventBodies.Resolved("e-2", subjectId: "ticket-2", occurredAt: "2026-12-01T10:00:00Z"));
        _factory.Time.Advance(TimeSpan.FromDays(52));
        var later = await PostEventAsync(EventBodies.Resolved("e-3", subjectId: "ticket-3", occurredAt: "2027-01-22T10:00:00Z"));

        Assert.Equal("quiet_period", (string?)soon["skipped"]![0]!["reason"]);
        Assert.Single(later["surveys"]!.AsArray());
    }

    [Fact]
    public async Task SampleRateZeroSkipsAsSampledOut()
    {
        await CreateTemplateAsync(t => t["sampleRate"] = 0.0);

        var outcome = await PostEventAsync(EventBodies.Resolved("e-1"));

        Assert.Equal("sampled_out", (string?)outcome["skipped"]![0]!["reason"]);
    }

    [Fact]
    public async Task SuppressedAddressIsSkipped()
    {
        await CreateTemplateAsync();
        (await _ingest.PostAsJsonAsync("/v1/suppressions", new { email = "JAN@example.sk", reason = "asked" })).EnsureSuccessStatusCode();

        var outcome = await PostEventAsync(EventBodies.Resolved("e-1"));

        Assert.Equal("suppressed", (string?)outcome["skipped"]![0]!["reason"]);
    }

    [Fact]
    public async Task CancelOnEventCancelsPendingSurveysOfTheSameSubjectOnly()
    {
        await CreateTemplateAsync(t => t["quietPeriod"] = null);
        var keep = (string)(await PostEventAsync(EventBodies.Resolved("e-1", subjectId: "ticket-1")))["surveys"]![0]!["id"]!;
        var cancel = (string)(await PostEventAsync(EventBodies.Resolved("e-2", subjectId: "ticket-2")))["surveys"]![0]!["id"]!;

        var reopened = await PostEventAsync(EventBodies.Resolved("e-3", subjectId: "ticket-2", type: "ticket.reopened"));

        Assert.Equal(cancel, (string?)reopened["cancelled"]![0]);
        Assert.Equal("cancelled", (string?)(await _admin.GetFromJsonAsync<JsonObject>($"/v1/surveys/{cancel}"))!["status"]);
        Assert.Equal("scheduled", (string?)(await _admin.GetFromJsonAsync<JsonObject>($"/v1/surveys/{keep}"))!["status"]);
    }
}
