using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests.Errors;

/// <summary>
/// One 400 lists every bad field of a JSON body: values of the wrong JSON type next to each other and next to the
/// domain rules, on every endpoint that takes a body. A type error is the field's one message.
/// </summary>
public sealed class EveryErrorAtOnceTests : ServiceFixture
{
    private const string Customer = """{"id":"c-1","email":"jan@example.sk"}""";

    private static string Template(params (string Property, string Json)[] changes)
    {
        var body = TemplateBodies.Csat();
        foreach (var (property, json) in changes)
        {
            body.With(property, json);
        }
        return body.ToJsonString();
    }

    private static string Event(string id) =>
        $$"""{"id":"{{id}}","type":"ticket.resolved","occurredAt":"2026-11-23T10:00:00Z","subjectId":"t-1","customer":{{Customer}}}""";

    // url, body ({template} is a template's id), every field the 400 names.
    public static TheoryData<string, string, string[]> Bodies => new()
    {
        {
            "/v1/events",
            """{"id": 5, "type": true, "occurredAt": "yesterday", "subjectId": [], "customer": {"email": "x"}}""",
            ["id", "type", "occurredAt", "subjectId", "customer.id", "customer.email"]
        },
        {
            "/v1/events",
            """{"id": "e-1", "type": "ticket.resolved", "occurredAt": "2026-11-23T10:00:00Z", "subjectId": "t", "customer": 7, "properties": []}""",
            ["customer", "properties"]
        },
        {
            "/v1/events",
            """{"id": 5, "type": "ticket.resolved", "occurredAt": "2026-11-23T10:00:00Z", "subjectId": "t", "customer": {"id": "c", "email": "c@example.sk", "email": "d@example.sk"}, "properties": {"a": {"x": 1, "x": 2}}}""",
            ["id", "customer.email", "properties.a"]
        },
        {
            "/v1/events/batch",
            $$"""{"events": [{{Event("e-1")}}, {"id": ["e-2"], "type": "has space"}, 7]}""",
            ["events[1].id", "events[1].type", "events[1].occurredAt", "events[1].subjectId", "events[1].customer", "events[2]"]
        },
        { "/v1/templates", Template(("kind", "\"bogus\""), ("delay", "\"soon\"")), ["kind", "delay"] },
        { "/v1/templates", Template(("kind", "\"NPS\""), ("name", "null"), ("sampleRate", "2")), ["kind", "name", "sampleRate"] },
        {
            "/v1/templates",
            Template(("name", "5"), ("sampleRate", "\"1\""), ("sendWindow", """{"start": 9, "end": "20:00"}"""), ("cancelOn", """{"0": "a"}""")),
            ["name", "sampleRate", "sendWindow.start", "cancelOn"]
        },
        { "/v1/templates", Template(("cancelOn", """["ticket.reopened", 5, "has space"]""")), ["cancelOn[1]", "cancelOn[2]"] },
        {
            "/v1/templates",
            Template(("content", """{"en": {"subject": 5, "question": []}, "sk": 1, "pl": {"subject": "s", "question": "{{ x"}}""")),
            ["content.en.subject", "content.en.question", "content.sk", "content.pl.question"]
        },
        {
            "/v1/surveys",
            """{"templateId": 1, "customer": "jan", "subjectId": "t-1", "properties": {"a": {"b": 1}}, "sendAt": "soon"}""",
            ["templateId", "customer", "properties.a", "sendAt"]
        },
        {
            "/v1/responses",
            """{"id": "r-1", "templateId": "{template}", "score": "5", "channel": "fax", "customer": {"id": "c-1"}, "subjectId": "t-1", "answeredAt": "yesterday"}""",
            ["score", "channel", "answeredAt"]
        },
        { "/v1/api-keys", """{"name": 5, "scopes": ["read", "owner"]}""", ["name", "scopes[1]"] },
        { "/v1/api-keys", """{"name": "", "scopes": "read"}""", ["name", "scopes"] },
        {
            "/v1/webhooks",
            """{"url": 5, "events": ["response.created", 5, "response.deleted"], "minScore": "1", "maxScore": 11}""",
            ["url", "events[1]", "events[2]", "minScore", "maxScore"]
        },
        { "/v1/suppressions", """{"email": 5, "reason": false}""", ["email", "reason"] },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task EveryBadFieldIsListedInOne400TypeErrorsIncluded(string url, string json, string[] fields)
    {
        var template = await CreateTemplateAsync();
        var keys = await CountAsync("/v1/api-keys");

        var response = await PostAsync(url, json.Replace("{template}", template));

        await ProblemAssert.IsValidationProblemAsync(response, fields);
        await AssertNothingStoredAsync(template);
        Assert.Equal(keys, await CountAsync("/v1/api-keys"));
    }

    [Fact]
    public async Task TypeErrorsSayWhatTheValueMustBe()
    {
        var response = await PostAsync("/v1/events",
            """{"id": 5, "type": true, "occurredAt": "yesterday", "subjectId": [], "customer": {"id": {}, "email": "x"}, "properties": 1}""");

        var problem = await ProblemAssert.IsValidationProblemAsync(
            response, "id", "type", "occurredAt", "subjectId", "customer.id", "customer.email", "properties");
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["must be a string"], Messages(errors, "id"));
        Assert.Equal(["must be a string"], Messages(errors, "type"));
        Assert.Equal(["must be an ISO-8601 date-time with Z or an offset (2026-11-23T10:00:00Z)"], Messages(errors, "occurredAt"));
        Assert.Equal(["must be a string"], Messages(errors, "subjectId"));
        Assert.Equal(["must be a string"], Messages(errors, "customer.id"));
        Assert.Equal(["must be a valid e-mail address"], Messages(errors, "customer.email"));
        Assert.Equal(["must be an object"], Messages(errors, "properties"));
    }

    [Theory]
    [InlineData("kind", "\"NPS\"", "must be nps, csat or ces")]
    [InlineData("sampleRate", "\"0.5\"", "must be a number")]
    [InlineData("cancelOn", "\"ticket.reopened\"", "must be an array")]
    [InlineData("sendWindow", "\"09:00-20:00\"", "must be an object")]
    public async Task TypeErrorInAnOptionalFieldAloneStillRefusesTheBody(string property, string json, string message)
    {
        var response = await PostAsync("/v1/templates", Template((property, json)));

        var problem = await ProblemAssert.IsValidationProblemAsync(response, property);
        Assert.Equal(message, ProblemAssert.Message(problem, property));
        await AssertNothingStoredAsync(null);
    }

    [Fact]
    public async Task MoreThanAHundredTypeErrorsListTheFirstHundredAndSaySo()
    {
        var events = string.Join(", ", Enumerable.Range(0, 150));

        var response = await PostAsync("/v1/events/batch", $$"""{"events": [{{events}}]}""");

        var fields = Enumerable.Range(0, 100).Select(i => $"events[{i}]").Append("body").ToArray();
        var problem = await ProblemAssert.IsValidationProblemAsync(response, fields);
        Assert.Equal("has more than 100 values of the wrong type; the first 100 are listed", ProblemAssert.Message(problem, "body"));
    }

    private Task<HttpResponseMessage> PostAsync(string url, string json) =>
        Admin.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    private static string[] Messages(JsonObject errors, string field) => errors[field]!.AsArray().Select(m => (string)m!).ToArray();

    private async Task<int> CountAsync(string url) => (await Admin.GetFromJsonAsync<JsonObject>(url))!["items"]!.AsArray().Count;

    // Only the test's own template (when it made one) exists afterwards, and nothing else was made.
    private async Task AssertNothingStoredAsync(string? template)
    {
        var templates = (await Admin.GetFromJsonAsync<JsonObject>("/v1/templates?status=all"))!["items"]!.AsArray();
        Assert.Equal(template is null ? [] : [template], templates.Select(t => (string?)t!["id"]));
        Assert.Equal(0, await CountAsync("/v1/surveys"));
        Assert.Equal(0, await CountAsync("/v1/responses"));
        Assert.Equal(0, await CountAsync("/v1/webhooks"));
        Assert.Equal(0, await CountAsync("/v1/suppressions"));
    }
}
