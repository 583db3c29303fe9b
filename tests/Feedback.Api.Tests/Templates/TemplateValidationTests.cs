using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Templates;

/// <summary>Every scalar field of a template request, refused and accepted; content and JSON shape are in their own files.</summary>
public sealed class TemplateValidationTests(SharedFeedbackApi api) : IClassFixture<SharedFeedbackApi>
{
    private readonly FeedbackApiFactory _factory = api.Factory;

    private const string CalendarUnits = "years and months have no fixed length; use weeks, days or hours (e.g. P30D)";

    [Theory]
    [InlineData("name", null, "name")]
    [InlineData("name", "\"\"", "name")]
    [InlineData("name", "\"   \"", "name")]
    [InlineData("name", "42", "name")]
    [InlineData("kind", null, "kind")]
    [InlineData("kind", "null", "kind")]
    [InlineData("kind", "\"xx\"", "kind")]
    [InlineData("kind", "1", "kind")]
    [InlineData("kind", "\"1\"", "kind")]
    [InlineData("kind", "\"csat, ces\"", "kind")]
    [InlineData("trigger", "\"ticket resolved!\"", "trigger")]
    [InlineData("trigger", "\"\"", "trigger")]
    [InlineData("trigger", "\".starts-with-a-dot\"", "trigger")]
    [InlineData("cancelOn", """["ticket reopened"]""", "cancelOn[0]")]
    [InlineData("cancelOn", """["ticket.reopened", null]""", "cancelOn[1]")]
    [InlineData("cancelOn", "\"ticket.reopened\"", "cancelOn")]
    [InlineData("delay", "\"-PT1H\"", "delay")]
    [InlineData("delay", "\"PT\"", "delay")]
    [InlineData("delay", "\"24h\"", "delay")]
    [InlineData("delay", "\"\"", "delay")]
    [InlineData("delay", "86400", "delay")]
    [InlineData("delay", "\"P\u0661D\"", "delay")]
    [InlineData("reminderAfter", "\"-P1D\"", "reminderAfter")]
    [InlineData("reminderAfter", "\"P\"", "reminderAfter")]
    [InlineData("expiresAfter", "\"P1DT\"", "expiresAfter")]
    [InlineData("expiresAfter", "\"P3661D\"", "expiresAfter")]
    [InlineData("quietPeriod", "\"thirty days\"", "quietPeriod")]
    [InlineData("sampleRate", "-0.1", "sampleRate")]
    [InlineData("sampleRate", "1.1", "sampleRate")]
    [InlineData("sampleRate", "\"0.5\"", "sampleRate")]
    [InlineData("sendWindow", """{ "start": "25:00", "end": "20:00" }""", "sendWindow.start")]
    [InlineData("sendWindow", """{ "start": "09:00", "end": "9am" }""", "sendWindow.end")]
    [InlineData("sendWindow", """{ "start": "09:00" }""", "sendWindow.end")]
    [InlineData("sendWindow", """{ "start": "09:00", "end": "09:00" }""", "sendWindow")]
    [InlineData("sendWindow", "\"09:00-20:00\"", "sendWindow")]
    [InlineData("followUp", """{ "maxScore": 6, "due": "PT24H" }""", "followUp.maxScore")]
    [InlineData("followUp", """{ "maxScore": 0, "due": "PT24H" }""", "followUp.maxScore")]
    [InlineData("followUp", """{ "due": "PT24H" }""", "followUp.maxScore")]
    [InlineData("followUp", """{ "maxScore": 2, "due": "PT0S" }""", "followUp.due")]
    [InlineData("followUp", """{ "maxScore": 2, "due": "-PT1H" }""", "followUp.due")]
    [InlineData("followUp", """{ "maxScore": 2, "due": "P1M" }""", "followUp.due")]
    [InlineData("followUp", """{ "maxScore": 2 }""", "followUp.due")]
    public async Task BadFieldIsRefusedWithTheFieldNamed(string field, string? json, string errorKey)
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);

        var response = await admin.PostAsJsonAsync("/v1/templates", TemplateBodies.Csat().With(field, json));

        await ProblemAssert.IsValidationProblemAsync(response, errorKey);
    }

    [Theory]
    [InlineData("delay", "P1M")]
    [InlineData("delay", "P1Y")]
    [InlineData("reminderAfter", "P1M")]
    [InlineData("expiresAfter", "P1Y2D")]
    [InlineData("quietPeriod", "P1Y")]
    public async Task YearsAndMonthsAreRefusedWithTheReason(string field, string duration)
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);

        var response = await admin.PostAsJsonAsync("/v1/templates", TemplateBodies.Csat().With(field, $"\"{duration}\""));

        var problem = await ProblemAssert.IsValidationProblemAsync(response, field);
        Assert.Equal(CalendarUnits, ProblemAssert.Message(problem, field));
    }

    [Fact]
    public async Task NegativeDurationIsRefusedAsNegative()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);

        var response = await admin.PostAsJsonAsync("/v1/templates", TemplateBodies.Csat().With("quietPeriod", "\"-PT1H\""));

        var problem = await ProblemAssert.IsValidationProblemAsync(response, "quietPeriod");
        Assert.Equal("must not be negative", ProblemAssert.Message(problem, "quietPeriod"));
    }

    [Theory]
    [InlineData("delay", "PT0S")]
    [InlineData("delay", "P1W")]
    [InlineData("delay", "PT1.5S")]
    [InlineData("delay", "P1DT2H3M4S")]
    [InlineData("delay", "PT1M")]
    [InlineData("reminderAfter", "PT0S")]
    [InlineData("expiresAfter", "P3660D")]
    [InlineData("quietPeriod", "P1W")]
    public async Task ValidDurationIsKeptAsSent(string field, string duration)
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);

        var response = await admin.PostAsJsonAsync("/v1/templates", TemplateBodies.Csat().With(field, $"\"{duration}\""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(duration, (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())![field]);
    }

    [Fact]
    public async Task FollowUpIsKeptAsSent()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);

        var response = await admin.PostAsJsonAsync("/v1/templates", TemplateBodies.Csat().With("followUp", """{ "maxScore": 2, "due": "P1D" }"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var followUp = (await response.Content.ReadFromJsonAsync<JsonObject>())!["followUp"]!;
        Assert.Equal(2, (int?)followUp["maxScore"]);
        Assert.Equal("P1D", (string?)followUp["due"]);
    }

    [Theory]
    [InlineData("P14D", "P14D")]
    [InlineData("P15D", "P14D")]
    [InlineData("P31D", null)]
    public async Task ReminderAtOrAfterExpiryIsRefused(string reminderAfter, string? expiresAfter)
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var body = TemplateBodies.Csat().With("reminderAfter", $"\"{reminderAfter}\"").With("expiresAfter", expiresAfter is null ? null : $"\"{expiresAfter}\"");

        var response = await admin.PostAsJsonAsync("/v1/templates", body);

        var problem = await ProblemAssert.IsValidationProblemAsync(response, "reminderAfter");
        Assert.Equal("must be shorter than expiresAfter", ProblemAssert.Message(problem, "reminderAfter"));
    }

    [Fact]
    public async Task ReminderIsNotComparedWithAnExpiryThatDoesNotParse()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var body = TemplateBodies.Csat().With("reminderAfter", "\"P20D\"").With("expiresAfter", "\"P1M\"");

        var response = await admin.PostAsJsonAsync("/v1/templates", body);

        var problem = await ProblemAssert.IsValidationProblemAsync(response, "expiresAfter");
        Assert.Equal(CalendarUnits, ProblemAssert.Message(problem, "expiresAfter"));
    }

    [Theory]
    [InlineData("name", "\"Ok\"")]
    [InlineData("trigger", "null")]
    [InlineData("trigger", "\"order:delivered_v2\"")]
    [InlineData("cancelOn", "[]")]
    [InlineData("sampleRate", "0")]
    [InlineData("sampleRate", "1")]
    [InlineData("sampleRate", "0.25")]
    [InlineData("sendWindow", """{ "start": "20:00", "end": "08:00" }""")]
    [InlineData("sendWindow", """{ "start": "00:00", "end": "23:59" }""")]
    public async Task ValidFieldValueIsAcceptedAndReturned(string field, string json)
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);

        var response = await admin.PostAsJsonAsync("/v1/templates", TemplateBodies.Csat().With(field, json));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), body![field]), $"{field} came back as {body[field]?.ToJsonString() ?? "null"}");
    }

    [Fact]
    public async Task NameOf200CharactersIsAcceptedAnd201IsRefused()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);

        var longest = await admin.PostAsJsonAsync("/v1/templates", TemplateBodies.Csat().With("name", $"\"{new string('n', 200)}\""));
        var tooLong = await admin.PostAsJsonAsync("/v1/templates", TemplateBodies.Csat().With("name", $"\"{new string('n', 201)}\""));

        Assert.Equal(HttpStatusCode.Created, longest.StatusCode);
        var problem = await ProblemAssert.IsValidationProblemAsync(tooLong, "name");
        Assert.Equal("must be at most 200 characters", ProblemAssert.Message(problem, "name"));
    }
}
