using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests.Surveys;

public sealed class SurveysApiTests : ServiceFixture
{
    private static DateTimeOffset Time(JsonNode? node) => DateTimeOffset.Parse((string)node!);

    [Fact]
    public async Task DirectSendAnswers201WithALocationThatReturnsTheScheduledSurvey()
    {
        var template = await CreateTemplateAsync();

        var response = await SendAsync(SendBody(template, subjectId: "ticket-7", customerId: "c-7"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = (string)created["id"]!;
        Assert.Equal($"/v1/surveys/{id}", response.Headers.Location?.OriginalString);
        var survey = (await Read.GetFromJsonAsync<JsonObject>(response.Headers.Location))!;
        Assert.Equal(id, (string?)survey["id"]);
        Assert.Equal("scheduled", (string?)survey["status"]);
        Assert.Equal(template, (string?)survey["templateId"]);
        Assert.Equal("ticket-7", (string?)survey["subjectId"]);
        Assert.Equal("c-7", (string?)survey["customer"]!["id"]);
        Assert.Equal("sk", (string?)survey["locale"]);
        Assert.Equal("email", (string?)survey["properties"]!["channel"]);
        Assert.Null(survey["eventId"]);
    }

    [Theory]
    // 10:00Z + 24 h = 11:00 in Bratislava, inside 09:00–20:00.
    [InlineData("PT24H", null, "2026-11-24T10:00:00Z")]
    // 10:00Z + 12 h = 23:00 in Bratislava: moved to 09:00 local the next morning.
    [InlineData("PT12H", null, "2026-11-24T08:00:00Z")]
    // An explicit future time is taken as given, even outside the window.
    [InlineData("PT12H", "2026-12-01T03:00:00Z", "2026-12-01T03:00:00Z")]
    [InlineData("PT35H", "2026-11-23T10:00:01Z", "2026-11-23T10:00:01Z")]
    // A time at or before now (10:00Z) means now, not after the delay (which the old rule applied: 35 h later).
    [InlineData("PT35H", "2026-11-23T10:00:00Z", "2026-11-23T10:00:00Z")]
    [InlineData("PT35H", "2026-11-23T11:00:00+02:00", "2026-11-23T10:00:00Z")]
    [InlineData("PT12H", "2026-11-01T12:00:00Z", "2026-11-23T10:00:00Z")]
    public async Task SendAtIsNowPlusDelayInTheWindowWhenAbsentNowWhenNotInTheFutureAndAsGivenWhenLater(string delay, string? sendAt, string expected)
    {
        var template = await CreateTemplateAsync(t => t["delay"] = delay);
        var body = SendBody(template);
        if (sendAt is not null)
        {
            body["sendAt"] = sendAt;
        }

        var response = await SendAsync(body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        Assert.Equal(DateTimeOffset.Parse(expected), Time((await GetSurveyAsync(id))["sendAt"]));
    }

    [Fact]
    public async Task GetUnknownSurveyIs404()
    {
        var response = await Read.GetAsync("/v1/surveys/srv_unknown");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DirectSendToASuppressedAddressIs409()
    {
        var template = await CreateTemplateAsync();
        (await Ingest.PostAsJsonAsync("/v1/suppressions", new { email = "jan@example.sk", reason = "bounce" })).EnsureSuccessStatusCode();

        var response = await SendAsync(SendBody(template, email: "JAN@Example.sk"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Empty((await Read.GetFromJsonAsync<JsonObject>("/v1/surveys"))!["items"]!.AsArray());
    }

    [Fact]
    public async Task SecondDirectSendOfTheSameTemplateSubjectAndCustomerIs409()
    {
        var template = await CreateTemplateAsync();
        var first = await SendSurveyAsync(template);

        var response = await SendAsync(SendBody(template, email: "other@example.sk"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        var items = (await Read.GetFromJsonAsync<JsonObject>("/v1/surveys"))!["items"]!.AsArray();
        Assert.Equal(first, (string?)Assert.Single(items)!["id"]);
    }

    [Fact]
    public async Task CancelledSurveyNoLongerBlocksASendToTheSameSubjectAndCustomer()
    {
        var template = await CreateTemplateAsync();
        var first = await SendSurveyAsync(template);
        (await Ingest.DeleteAsync($"/v1/surveys/{first}")).EnsureSuccessStatusCode();

        var response = await SendAsync(SendBody(template));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task DirectSendOfAnUnknownTemplateNamesTemplateId()
    {
        var response = await SendAsync(SendBody("tpl_does_not_exist"));

        await ProblemAssert.IsValidationProblemAsync(response, "templateId");
    }

    [Fact]
    public async Task DirectSendOfAnArchivedTemplateNamesTemplateId()
    {
        var template = await CreateTemplateAsync();
        (await Admin.DeleteAsync($"/v1/templates/{template}")).EnsureSuccessStatusCode();

        var response = await SendAsync(SendBody(template));

        var problem = await ProblemAssert.IsValidationProblemAsync(response, "templateId");
        Assert.Contains("archived", ProblemAssert.Message(problem, "templateId"));
    }
}
