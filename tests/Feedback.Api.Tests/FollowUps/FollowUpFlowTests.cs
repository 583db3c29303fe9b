using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Api.Tests.Responses;
using Feedback.Api.Tests.Webhooks;
using Feedback.Core.Auth;
using Feedback.Core.FollowUps;
using Feedback.Core.Storage;
using Feedback.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Api.Tests.FollowUps;

/// <summary>Follow-ups end to end: opened by the answer pages and POST /v1/responses, worked through PATCH, overdue once, erased.</summary>
public sealed class FollowUpFlowTests : WebhookFixture
{
    private static readonly string[] Events = [WebhookEvents.FollowUpCreated, WebhookEvents.FollowUpOverdue, WebhookEvents.FollowUpResolved];

    private FollowUpService FollowUps => Factory.Services.GetRequiredService<FollowUpService>();

    private Task<string> CreateFollowUpTemplateAsync() =>
        CreateTemplateAsync(t =>
        {
            t["delay"] = "PT0S";
            t["followUp"] = new JsonObject { ["maxScore"] = 2, ["due"] = "PT24H" };
        });

    /// <summary>A sent survey's answer token.</summary>
    private async Task<string> SentTokenAsync(string eventId = "e-1", string email = "amy@example.co.uk")
    {
        var surveyId = await PostEventAsync(eventId, "en", email);
        await Dispatcher.DispatchDueAsync();
        return (await SurveyAsync(surveyId)).Token;
    }

    private async Task<JsonArray> ListAsync(string query = "")
    {
        using var reader = await Factory.CreateClientAsync(ApiScope.Read);
        return (await reader.GetFromJsonAsync<JsonObject>($"/v1/followups{query}"))!["items"]!.AsArray();
    }

    [Fact]
    public async Task DetractorOneClickOpensOneAndASecondClickOrAChangeInRangeOpensNoSecond()
    {
        await CreateFollowUpTemplateAsync();
        var token = await SentTokenAsync();
        using var browser = Factory.CreateAnonymousClient();

        (await browser.GetAsync($"/s/{token}?score=1")).EnsureSuccessStatusCode();
        Factory.Time.Advance(TimeSpan.FromMinutes(1));
        (await browser.GetAsync($"/s/{token}?score=1")).EnsureSuccessStatusCode();
        (await browser.GetAsync($"/s/{token}?score=2")).EnsureSuccessStatusCode();

        var followUp = Assert.Single(await ListAsync())!;
        Assert.StartsWith("fup_", (string?)followUp["id"]);
        Assert.Equal(("open", 2, "amy@example.co.uk"), ((string?)followUp["status"], (int?)followUp["score"], (string?)followUp["customer"]!["email"]));
        Assert.Equal(Factory.Time.GetUtcNow().AddMinutes(-1).AddHours(24), (DateTimeOffset?)followUp["dueAt"]);
    }

    [Fact]
    public async Task AnswerChangedIntoRangeOpensOneAndChangedOutOfItKeepsItWithANote()
    {
        await CreateFollowUpTemplateAsync();
        var token = await SentTokenAsync();
        using var browser = Factory.CreateAnonymousClient();

        (await browser.GetAsync($"/s/{token}?score=5")).EnsureSuccessStatusCode();
        Assert.Empty(await ListAsync());
        (await browser.GetAsync($"/s/{token}?score=1")).EnsureSuccessStatusCode();
        (await browser.GetAsync($"/s/{token}?score=4")).EnsureSuccessStatusCode();

        var followUp = Assert.Single(await ListAsync())!;
        Assert.Equal(("open", 4), ((string?)followUp["status"], (int?)followUp["score"]));
        var note = followUp["notes"]!.AsArray()[^1]!;
        Assert.Equal("feedback", (string?)note["author"]);
        Assert.Contains("from 1 to 4", (string?)note["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordedResponseOpensOneOnceAndItsCreationIsDeliveredSigned()
    {
        var subscription = await SubscribeAsync(Events);
        var templateId = await CreateFollowUpTemplateAsync();
        using var ingest = await Factory.CreateClientAsync(ApiScope.Ingest);

        var answer = await ingest.RecordAsync(ResponseBodies.Phone("call-1", templateId, score: 1, comment: "Nobody called back"));
        (await ingest.PostAsJsonAsync("/v1/responses", ResponseBodies.Phone("call-1", templateId, score: 1))).EnsureSuccessStatusCode();
        await ingest.RecordAsync(ResponseBodies.Phone("call-2", templateId, score: 5));
        Assert.Equal(1, await DeliverAsync());

        var followUp = Assert.Single(await ListAsync())!;
        Assert.Equal(((string?)answer["id"], "Nobody called back"), ((string?)followUp["responseId"], (string?)followUp["comment"]));
        var webhook = Assert.Single(Receiver.Received);
        AssertSigned(webhook, (string)subscription["secret"]!);
        Assert.Equal(WebhookEvents.FollowUpCreated, webhook.Json.GetProperty("type").GetString());
        Assert.Equal((string?)followUp["id"], webhook.Json.GetProperty("data").GetProperty("id").GetString());
        Assert.Equal("open", webhook.Json.GetProperty("data").GetProperty("status").GetString());
    }

    [Fact]
    public async Task PatchFollowsIfMatchAndNothingMovesOutOfResolved()
    {
        var subscription = await SubscribeAsync([WebhookEvents.FollowUpResolved]);
        var templateId = await CreateFollowUpTemplateAsync();
        using var ingest = await Factory.CreateClientAsync(ApiScope.Ingest);
        await ingest.RecordAsync(ResponseBodies.Phone("call-1", templateId, score: 1));
        var id = (string)(await ListAsync())[0]!["id"]!;
        var got = await ingest.GetAsync($"/v1/followups/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, got.StatusCode);
        using var reader = await Factory.CreateClientAsync(ApiScope.Read);
        var etag = (await reader.GetAsync($"/v1/followups/{id}")).Headers.ETag!.Tag;

        var assigned = await PatchAsync(ingest, id, new { status = "in_progress", assignee = "maria", note = new { author = "maria", text = "Calling today." } }, etag);
        var stale = await PatchAsync(ingest, id, new { assignee = "jan" }, etag);
        var unquoted = await PatchAsync(ingest, id, new { assignee = "jan" }, null, "2");
        Factory.Time.Advance(TimeSpan.FromHours(3));
        var resolved = await PatchAsync(ingest, id, new { status = "resolved" }, assigned.Headers.ETag!.Tag);
        var reopened = await PatchAsync(ingest, id, new { status = "open" }, null);
        var noted = await PatchAsync(ingest, id, new { note = new { author = "maria", text = "Customer confirmed." } }, null);

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal("\"2\"", assigned.Headers.ETag!.Tag);
        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        var unquotedProblem = await ProblemAssert.IsProblemAsync(unquoted, HttpStatusCode.PreconditionFailed);
        Assert.Contains("in quotes", (string?)unquotedProblem["detail"], StringComparison.Ordinal);
        var body = (await resolved.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("resolved", "maria"), ((string?)body["status"], (string?)body["assignee"]));
        Assert.Equal(Factory.Time.GetUtcNow(), (DateTimeOffset?)body["resolvedAt"]);
        await ProblemAssert.IsProblemAsync(reopened, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, noted.StatusCode);
        Assert.Equal(["Calling today.", "Customer confirmed."], (await noted.Content.ReadFromJsonAsync<JsonObject>())!["notes"]!.AsArray().Select(n => (string?)n!["text"]));
        Assert.Equal(1, await DeliverAsync());
        var webhook = Assert.Single(Receiver.Received);
        AssertSigned(webhook, (string)subscription["secret"]!);
        Assert.Equal(WebhookEvents.FollowUpResolved, webhook.Json.GetProperty("type").GetString());
    }

    [Fact]
    public async Task OverdueIsMarkedAndSentOnceWhenTheFakeClockPassesTheDueTime()
    {
        await SubscribeAsync([WebhookEvents.FollowUpOverdue]);
        var templateId = await CreateFollowUpTemplateAsync();
        using var ingest = await Factory.CreateClientAsync(ApiScope.Ingest);
        await ingest.RecordAsync(ResponseBodies.Phone("call-1", templateId, score: 1));

        var early = await FollowUps.MarkOverdueAsync();
        Factory.Time.Advance(TimeSpan.FromHours(24));
        var due = await FollowUps.MarkOverdueAsync();
        Factory.Time.Advance(TimeSpan.FromHours(1));
        var again = await FollowUps.MarkOverdueAsync();
        await DeliverAsync();

        Assert.Equal((0, 1, 0), (early, due, again));
        var webhook = Assert.Single(Receiver.Received);
        Assert.Equal(WebhookEvents.FollowUpOverdue, webhook.Json.GetProperty("type").GetString());
        Assert.True(webhook.Json.GetProperty("data").GetProperty("overdue").GetBoolean());
        Assert.Single(await ListAsync("?overdue=true"));
        Assert.Empty(await ListAsync("?overdue=false"));
    }

    [Fact]
    public async Task ErasureBlanksTheCustomerInFollowUps()
    {
        await CreateFollowUpTemplateAsync();
        var token = await SentTokenAsync();
        using var browser = Factory.CreateAnonymousClient();
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["score"] = "1", ["comment"] = "Call me at 0905 123 456" });
        (await browser.PostAsync($"/s/{token}", form)).EnsureSuccessStatusCode();
        Assert.Equal("Call me at 0905 123 456", (string?)Assert.Single(await ListAsync())!["comment"]);

        var erased = await (await Admin.DeleteAsync("/v1/customers/amy@example.co.uk")).Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(1, (int?)erased!["followUps"]);
        var followUp = Assert.Single(await ListAsync())!;
        Assert.Null(followUp["comment"]);
        Assert.Equal(Erasure.Email, (string?)followUp["customer"]!["email"]);
        Assert.Null(followUp["customer"]!["name"]);
    }

    [Fact]
    public async Task StatsGiveTheCloseTheLoopFigures()
    {
        var templateId = await CreateFollowUpTemplateAsync();
        using var ingest = await Factory.CreateClientAsync(ApiScope.Ingest);
        var from = Factory.Time.GetUtcNow();
        foreach (var id in new[] { "a", "b", "c" })
        {
            await ingest.RecordAsync(ResponseBodies.Phone(id, templateId, score: 1));
        }
        var ids = (await ListAsync()).Select(f => (string)f!["id"]!).ToList();
        Factory.Time.Advance(TimeSpan.FromHours(2));
        await PatchAsync(ingest, ids[0], new { status = "resolved" }, null);
        Factory.Time.Advance(TimeSpan.FromHours(28));
        await PatchAsync(ingest, ids[1], new { status = "resolved" }, null);
        await FollowUps.MarkOverdueAsync();
        using var reader = await Factory.CreateClientAsync(ApiScope.Read);

        var stats = await reader.GetFromJsonAsync<JsonObject>($"/v1/followups/stats?templateId={templateId}&from={Uri.EscapeDataString(from.ToString("O"))}");

        Assert.Equal((3, 2, 1, 1), ((int)stats!["opened"]!, (int)stats["resolved"]!, (int)stats["open"]!, (int)stats["overdue"]!));
        Assert.Equal(0.5, (double?)stats["resolvedWithinDue"]);
        Assert.Equal(16, (double?)stats["medianHoursToResolve"]);
    }

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string id, object body, string? etag, string? rawIfMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/v1/followups/{id}") { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        }
        if (rawIfMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", rawIfMatch);
        }
        return await client.SendAsync(request);
    }
}
