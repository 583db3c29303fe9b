using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests.Surveys;

public sealed class SurveyCancelTests : ServiceFixture
{
    [Fact]
    public async Task CancelAnswers204AndTheSurveyIsCancelled()
    {
        var id = await SendSurveyAsync(await CreateTemplateAsync());

        var response = await Ingest.DeleteAsync($"/v1/surveys/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var survey = await GetSurveyAsync(id);
        Assert.Equal("cancelled", (string?)survey["status"]);
        Assert.Equal(Factory.Time.GetUtcNow(), DateTimeOffset.Parse((string)survey["cancelledAt"]!));
    }

    [Fact]
    public async Task CancellingTwiceAnswers204BothTimes()
    {
        var id = await SendSurveyAsync(await CreateTemplateAsync());
        (await Ingest.DeleteAsync($"/v1/surveys/{id}")).EnsureSuccessStatusCode();

        var again = await Ingest.DeleteAsync($"/v1/surveys/{id}");

        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal("cancelled", (string?)(await GetSurveyAsync(id))["status"]);
    }

    [Fact]
    public async Task CancellingASentSurveyIs409AndLeavesItSent()
    {
        var id = await SendSurveyAsync(await CreateTemplateAsync(NoDelay));
        await Dispatcher.DispatchDueAsync();
        Assert.Equal("sent", (string?)(await GetSurveyAsync(id))["status"]);

        var response = await Ingest.DeleteAsync($"/v1/surveys/{id}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("sent", (string?)problem["detail"]);
        Assert.Equal("sent", (string?)(await GetSurveyAsync(id))["status"]);
    }

    [Fact]
    public async Task CancellingAnUnknownSurveyIs404()
    {
        var response = await Ingest.DeleteAsync("/v1/surveys/srv_unknown");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CancelBySubjectCancelsOnlyThatSubjectsScheduledSurveysAndListsThem()
    {
        var immediate = await CreateTemplateAsync(NoDelay);
        var sent = await SendSurveyAsync(immediate, subjectId: "ticket-1");
        await Dispatcher.DispatchDueAsync();
        var later = await CreateTemplateAsync();
        var first = await SendSurveyAsync(later, subjectId: "ticket-1", customerId: "c-1");
        var second = await SendSurveyAsync(later, subjectId: "ticket-1", customerId: "c-2", email: "eva@example.sk");
        var other = await SendSurveyAsync(later, subjectId: "ticket-2");

        var response = await Ingest.DeleteAsync("/v1/surveys?subjectId=ticket-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cancelled = (await response.Content.ReadFromJsonAsync<JsonObject>())!["cancelled"]!.AsArray().Select(c => (string)c!);
        Assert.Equal(new[] { first, second }.Order(), cancelled.Order());
        Assert.Equal("cancelled", (string?)(await GetSurveyAsync(first))["status"]);
        Assert.Equal("cancelled", (string?)(await GetSurveyAsync(second))["status"]);
        Assert.Equal("sent", (string?)(await GetSurveyAsync(sent))["status"]);
        Assert.Equal("scheduled", (string?)(await GetSurveyAsync(other))["status"]);
    }

    [Fact]
    public async Task CancelBySubjectWithNothingPendingListsNothing()
    {
        var response = await Ingest.DeleteAsync("/v1/surveys?subjectId=ticket-nobody");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await response.Content.ReadFromJsonAsync<JsonObject>())!["cancelled"]!.AsArray());
    }

    [Theory]
    [InlineData("/v1/surveys")]
    [InlineData("/v1/surveys?subjectId=")]
    [InlineData("/v1/surveys?subjectId=%20")]
    public async Task CancelBySubjectWithoutASubjectNamesSubjectId(string url)
    {
        var response = await Ingest.DeleteAsync(url);

        await ProblemAssert.IsValidationProblemAsync(response, "subjectId");
    }
}
