using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Delivery;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Api.Tests.Surveys;

/// <summary>Link surveys: sent at once without e-mail, answered through the links the caller gets back.</summary>
public sealed class LinkSurveyTests : ServiceFixture
{
    private IReadOnlyList<DevMailboxMessage> Mail => Factory.Services.GetRequiredService<IDevMailbox>().List();

    private SurveyHousekeeping Housekeeping => Factory.Services.GetRequiredService<SurveyHousekeeping>();

    private static readonly Action<JsonObject> Link = t => t["delivery"] = "link";

    private static JsonObject WithoutEmail(JsonObject body)
    {
        body["customer"]!.AsObject().Remove("email");
        return body;
    }

    private async Task<JsonObject> SendLinkAsync(JsonObject body)
    {
        var response = await SendAsync(body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task LinkSurveyIsSentAtOnceWithItsLinksAndNoEmail()
    {
        var template = await CreateTemplateAsync(Link);

        var created = await SendLinkAsync(WithoutEmail(SendBody(template)));

        Assert.Equal("sent", (string?)created["status"]);
        Assert.Equal("link", (string?)created["delivery"]);
        Assert.Equal(Factory.Time.GetUtcNow(), DateTimeOffset.Parse((string)created["sentAt"]!));
        Assert.Null(created["reminderAt"]);
        var answerUrl = (string)created["answerUrl"]!;
        Assert.StartsWith($"{PublicBaseUrl}/s/", answerUrl);
        var scoreUrls = created["scoreUrls"]!.AsObject();
        Assert.Equal(["1", "2", "3", "4", "5"], scoreUrls.Select(s => s.Key));
        Assert.Equal($"{answerUrl}?score=4", (string?)scoreUrls["4"]);
        Assert.Equal(0, await Dispatcher.DispatchDueAsync());
        Assert.Empty(Mail);
        // The token is a credential: a read of the survey does not show its links.
        Assert.Null((await GetSurveyAsync((string)created["id"]!))["answerUrl"]);
    }

    [Fact]
    public async Task AScoreUrlRecordsTheAnswerOnChannelWeb()
    {
        var template = await CreateTemplateAsync(Link);
        var created = await SendLinkAsync(WithoutEmail(SendBody(template)));
        var browser = Factory.CreateAnonymousClient();

        var page = await browser.GetAsync(new Uri((string)created["scoreUrls"]!["2"]!).PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var answers = (await Read.GetFromJsonAsync<JsonObject>($"/v1/responses?templateId={template}"))!["items"]!.AsArray();
        var answer = Assert.Single(answers)!;
        Assert.Equal(2, (int)answer["score"]!);
        Assert.Equal("web", (string?)answer["channel"]);
        Assert.Equal("answered", (string?)(await GetSurveyAsync((string)created["id"]!))["status"]);
    }

    [Fact]
    public async Task DeliveryLinkOnTheRequestOverridesAnEmailTemplate()
    {
        var template = await CreateTemplateAsync(NoDelay);
        var body = WithoutEmail(SendBody(template));
        body["delivery"] = "link";

        var created = await SendLinkAsync(body);

        Assert.Equal("link", (string?)created["delivery"]);
        Assert.NotNull(created["answerUrl"]);
        Assert.Equal(0, await Dispatcher.DispatchDueAsync());
        Assert.Empty(Mail);
    }

    [Fact]
    public async Task AnEmailSurveyStillNeedsTheAddressAndCarriesNoLinks()
    {
        var template = await CreateTemplateAsync(NoDelay);

        await ProblemAssert.IsValidationProblemAsync(await SendAsync(WithoutEmail(SendBody(template))), "customer.email");
        var created = await SendLinkAsync(SendBody(template));

        Assert.Equal("email", (string?)created["delivery"]);
        Assert.Equal("scheduled", (string?)created["status"]);
        Assert.Null(created["answerUrl"]);
        Assert.Null(created["scoreUrls"]);
    }

    [Fact]
    public async Task AnEventAnswersWithTheLinksOfItsLinkSurveysAndSkipsEmailTemplatesWithoutAnAddress()
    {
        var link = await CreateTemplateAsync(t => { Link(t); t["trigger"] = "chat.closed"; });
        var email = await CreateTemplateAsync(t => t["trigger"] = "chat.closed");
        var body = EventBodies.Resolved("evt-link-1", type: "chat.closed");
        body["customer"]!.AsObject().Remove("email");

        var response = await Ingest.PostAsJsonAsync("/v1/events", body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var outcome = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var survey = Assert.Single(outcome["surveys"]!.AsArray())!;
        Assert.Equal(link, (string?)survey["templateId"]);
        Assert.Equal("sent", (string?)survey["status"]);
        Assert.StartsWith($"{PublicBaseUrl}/s/", (string?)survey["answerUrl"]);
        Assert.Equal(5, survey["scoreUrls"]!.AsObject().Count);
        var skipped = Assert.Single(outcome["skipped"]!.AsArray())!;
        Assert.Equal(email, (string?)skipped["templateId"]);
        Assert.Equal("no_email", (string?)skipped["reason"]);
        // A replay of the event gives the same links.
        var replay = (await (await Ingest.PostAsJsonAsync("/v1/events", body)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((string?)survey["answerUrl"], (string?)replay["surveys"]![0]!["answerUrl"]);
    }

    [Fact]
    public async Task ALinkSurveyIsNeverRemindedButExpires()
    {
        var template = await CreateTemplateAsync(t => { Link(t); t["reminderAfter"] = "PT1H"; t["expiresAfter"] = "P2D"; });
        var created = await SendLinkAsync(WithoutEmail(SendBody(template)));

        Factory.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await Housekeeping.SendRemindersAsync());
        Factory.Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await Housekeeping.ExpireAsync());

        Assert.Empty(Mail);
        var page = await Factory.CreateAnonymousClient().GetAsync(new Uri((string)created["answerUrl"]!).PathAndQuery);
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
    }

    [Fact]
    public async Task ALinkSurveyIsNotMadeForASuppressedAddressNorWithinTheQuietPeriodOfTheCustomerId()
    {
        var template = await CreateTemplateAsync(t => { Link(t); t["trigger"] = "chat.closed"; t["quietPeriod"] = "P30D"; });
        (await Admin.PostAsJsonAsync("/v1/suppressions", new JsonObject { ["email"] = "jan@example.sk" })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(SendBody(template))).StatusCode);

        var first = EventBodies.Resolved("evt-quiet-1", subjectId: "chat-1", type: "chat.closed");
        first["customer"]!.AsObject().Remove("email");
        var second = EventBodies.Resolved("evt-quiet-2", subjectId: "chat-2", type: "chat.closed");
        second["customer"]!.AsObject().Remove("email");
        var sent = (await (await Ingest.PostAsJsonAsync("/v1/events", first)).Content.ReadFromJsonAsync<JsonObject>())!;
        var quiet = (await (await Ingest.PostAsJsonAsync("/v1/events", second)).Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Single(sent["surveys"]!.AsArray());
        Assert.Empty(quiet["surveys"]!.AsArray());
        Assert.Equal("quiet_period", (string?)quiet["skipped"]![0]!["reason"]);
    }
}
