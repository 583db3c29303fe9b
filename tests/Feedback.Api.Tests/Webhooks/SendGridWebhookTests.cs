using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests.Webhooks;

/// <summary>The Event Webhook without a configured public key: batches are taken unsigned.</summary>
public sealed class SendGridWebhookTests : ServiceFixture
{
    private static readonly DateTimeOffset Earlier = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private Task<HttpResponseMessage> PostAsync(string payload) =>
        Factory.CreateAnonymousClient().PostAsync("/webhooks/sendgrid", new StringContent(payload, Encoding.UTF8, "application/json"));

    private static JsonObject Event(string kind, string? email = null, string? surveyId = null, DateTimeOffset? at = null)
    {
        var e = new JsonObject { ["event"] = kind, ["sg_event_id"] = Guid.NewGuid().ToString("N") };
        if (email is not null)
        {
            e["email"] = email;
        }
        if (surveyId is not null)
        {
            e["survey_id"] = surveyId;
        }
        e["timestamp"] = (at ?? Earlier).ToUnixTimeSeconds();
        return e;
    }

    private async Task<JsonObject> SuppressionsAsync() => (await Read.GetFromJsonAsync<JsonObject>("/v1/suppressions"))!;

    [Fact]
    public async Task BouncesDropsSpamReportsAndUnsubscribesSuppressTheAddress()
    {
        var batch = new JsonArray(
            Event("bounce", "Bounced@Example.com"), Event("dropped", "dropped@example.com"), Event("spamreport", "spam@example.com"),
            Event("unsubscribe", "unsub@example.com"), Event("group_unsubscribe", "group@example.com"));

        var response = await PostAsync(batch.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await SuppressionsAsync())["items"]!.AsArray().ToDictionary(s => (string)s!["email"]!, s => s!);
        Assert.Equal(
            ["bounced@example.com", "dropped@example.com", "group@example.com", "spam@example.com", "unsub@example.com"],
            items.Keys.Order(StringComparer.Ordinal));
        Assert.All(items.Values, s => Assert.Equal("sendgrid", (string?)s["source"]));
        Assert.All(items.Values, s => Assert.Equal(Earlier, DateTimeOffset.Parse((string)s["createdAt"]!)));
        Assert.Equal("bounce", (string?)items["bounced@example.com"]["reason"]);
        Assert.Equal("spamreport", (string?)items["spam@example.com"]["reason"]);
        Assert.Equal("unsubscribe", (string?)items["unsub@example.com"]["reason"]);
    }

    [Fact]
    public async Task ASuppressedAddressGetsNoMoreDirectSends()
    {
        var template = await CreateTemplateAsync();
        (await PostAsync(new JsonArray(Event("bounce", "jan@example.sk")).ToJsonString())).EnsureSuccessStatusCode();

        var response = await SendAsync(SendBody(template, email: "jan@example.sk"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task DeliveredAndOpenStampTheSurveyFirstReportWins()
    {
        await CreateTemplateAsync();
        var id = await PostEventAsync(EventBodies.Resolved("e-1"));
        var delivered = Earlier.AddMinutes(1);
        var opened = Earlier.AddMinutes(5);

        var response = await PostAsync(new JsonArray(Event("delivered", "jan@example.sk", id, delivered), Event("open", "jan@example.sk", id, opened)).ToJsonString());
        await PostAsync(new JsonArray(Event("delivered", "jan@example.sk", id, opened), Event("open", "jan@example.sk", id, opened.AddHours(1))).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var survey = await GetSurveyAsync(id);
        Assert.Equal(delivered, DateTimeOffset.Parse((string)survey["deliveredAt"]!));
        Assert.Equal(opened, DateTimeOffset.Parse((string)survey["openedAt"]!));
        Assert.Empty((await SuppressionsAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task UnknownEventTypesAndJunkEntriesAreIgnored()
    {
        await CreateTemplateAsync();
        var id = await PostEventAsync(EventBodies.Resolved("e-1"));
        var payload = $$"""
            [
              {"event":"processed","email":"jan@example.sk","survey_id":"{{id}}","timestamp":1795000000},
              {"event":"click","email":"jan@example.sk","survey_id":"{{id}}"},
              {"event":"deferred","email":"jan@example.sk"},
              {"event":"bounce","email":"not-an-email"},
              {"event":"bounce"},
              {"event":42,"email":"jan@example.sk"},
              {"event":"delivered","survey_id":"srv_unknown"},
              {"event":"open","survey_id":12345},
              {"email":"jan@example.sk"},
              42, "bounce", null, [], [{"event":"bounce","email":"nested@example.com"}], true
            ]
            """;

        var response = await PostAsync(payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await SuppressionsAsync())["items"]!.AsArray());
        var survey = await GetSurveyAsync(id);
        Assert.Null(survey["deliveredAt"]);
        Assert.Null(survey["openedAt"]);
    }

    [Theory]
    [InlineData("\"timestamp\":\"yesterday\",")]
    [InlineData("\"timestamp\":-5,")]
    [InlineData("\"timestamp\":99999999999999,")]
    [InlineData("")]
    public async Task EventWithoutAUsableTimestampIsStampedWithTheTimeItArrived(string timestamp)
    {
        await CreateTemplateAsync();
        var id = await PostEventAsync(EventBodies.Resolved("e-1"));
        Factory.Time.Advance(TimeSpan.FromMinutes(3));

        var response = await PostAsync($$"""[{{{timestamp}}"event":"delivered","survey_id":"{{id}}"}]""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Factory.Time.GetUtcNow(), DateTimeOffset.Parse((string)(await GetSurveyAsync(id))["deliveredAt"]!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"event":"bounce","email":"jan@example.sk"}""")]
    [InlineData("\"bounce\"")]
    [InlineData("[{\"event\":\"bounce\"")]
    [InlineData("not json")]
    public async Task BodyThatIsNotAJsonArrayIs400(string payload)
    {
        var response = await PostAsync(payload);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty((await SuppressionsAsync())["items"]!.AsArray());
    }
}
