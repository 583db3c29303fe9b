using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests.DevMailbox;

public sealed class DevMailboxTests : ServiceFixture
{
    private const string Script = "<script>alert(1)</script>";

    private async Task<string> SendNowAsync(string eventId, string email, string name = "Amy")
    {
        var body = EventBodies.Resolved(eventId, subjectId: $"ticket-{eventId}", customerId: email, locale: "en-GB", email: email);
        body["customer"]!["name"] = name;
        var id = await PostEventAsync(body);
        await Dispatcher.DispatchDueAsync();
        return id;
    }

    private async Task<JsonArray> MailboxAsync(string query = "") =>
        (await Admin.GetFromJsonAsync<JsonObject>($"/v1/dev/mailbox{query}"))!["items"]!.AsArray();

    [Fact]
    public async Task DispatchedSurveyIsListedWithItsSubjectAndScoreLinks()
    {
        await CreateTemplateAsync(NoDelay);

        var id = await SendNowAsync("e-1", "amy@example.co.uk");

        var message = Assert.Single(await MailboxAsync())!;
        var token = (await Surveys.GetAsync(id))!.Token;
        Assert.Equal(id, (string?)message["surveyId"]);
        Assert.Equal("amy@example.co.uk", (string?)message["to"]);
        Assert.Equal("How did we do, Amy?", (string?)message["subject"]);
        var html = (string)message["html"]!;
        var text = (string)message["text"]!;
        for (var score = 1; score <= 5; score++)
        {
            Assert.Contains($"{PublicBaseUrl}/s/{token}?score={score}", html);
            Assert.Contains($"{PublicBaseUrl}/s/{token}?score={score}", text);
        }
        Assert.DoesNotContain("%fb_", html);
        Assert.Equal($"<{PublicBaseUrl}/u/{token}>", (string?)message["headers"]!["List-Unsubscribe"]);
    }

    [Fact]
    public async Task NothingIsListedBeforeTheSurveyIsDue()
    {
        await CreateTemplateAsync(t => { t["delay"] = "PT1H"; t["sendWindow"] = null; });

        await SendNowAsync("e-1", "amy@example.co.uk");

        Assert.Empty(await MailboxAsync());
    }

    [Fact]
    public async Task ToFilterListsOnlyThatRecipientsMessages()
    {
        await CreateTemplateAsync(NoDelay);
        await SendNowAsync("e-1", "amy@example.co.uk");
        var ola = await SendNowAsync("e-2", "ola@example.pl");

        var toOla = await MailboxAsync("?to=OLA%40example.pl");
        var toNobody = await MailboxAsync("?to=nobody%40example.com");

        Assert.Equal(ola, (string?)Assert.Single(toOla)!["surveyId"]);
        Assert.Empty(toNobody);
        Assert.Equal(2, (await MailboxAsync()).Count);
    }

    [Fact]
    public async Task PageEscapesTheSubjectAndSendsAStrictCsp()
    {
        await CreateTemplateAsync(NoDelay);
        await SendNowAsync("e-1", "amy@example.co.uk", name: Script);
        Assert.Equal($"How did we do, {Script}?", (string?)Assert.Single(await MailboxAsync())!["subject"]);

        var response = await Factory.CreateAnonymousClient().GetAsync("/dev/mailbox");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp);
        Assert.DoesNotContain("script-src", csp);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("How did we do, &lt;script&gt;alert(1)&lt;/script&gt;?", page);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task MessagePageShowsTheEmailUnderACspThatRunsNoScript()
    {
        await CreateTemplateAsync(t =>
        {
            NoDelay(t);
            t["content"]!["en"]!["question"] = "{{ customer.name }}, how did we do?";
        });
        var id = await SendNowAsync("e-1", "amy@example.co.uk", name: Script);
        var messageId = (long)Assert.Single(await MailboxAsync())!["id"]!;

        var response = await Factory.CreateAnonymousClient().GetAsync($"/dev/mailbox?id={messageId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp);
        Assert.DoesNotContain("script-src", csp);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"{PublicBaseUrl}/s/{(await Surveys.GetAsync(id))!.Token}?score=5", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;, how did we do?", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("read", HttpStatusCode.Forbidden)]
    [InlineData("ingest", HttpStatusCode.Forbidden)]
    [InlineData("none", HttpStatusCode.Unauthorized)]
    public async Task MailboxApiNeedsTheAdminScope(string key, HttpStatusCode expected)
    {
        var client = key switch { "read" => Read, "ingest" => Ingest, _ => Factory.CreateAnonymousClient() };

        var response = await client.GetAsync("/v1/dev/mailbox");

        await ProblemAssert.IsProblemAsync(response, expected);
    }
}
