using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests.Surveys;

public sealed class SurveyValidationTests : ServiceFixture
{
    public static TheoryData<string, string> BadSends => new()
    {
        { """{"templateId":null}""", "templateId" },
        { """{"templateId":""}""", "templateId" },
        { """{"subjectId":null}""", "subjectId" },
        { """{"subjectId":"   "}""", "subjectId" },
        { """{"customer":null}""", "customer" },
        { """{"customer":{"email":"a@b.sk"}}""", "customer.id" },
        { """{"customer":{"id":"c"}}""", "customer.email" },
        { """{"customer":{"id":"c","email":"not-an-email"}}""", "customer.email" },
        { """{"customer":{"id":"c","email":"a b@example.sk"}}""", "customer.email" },
        { """{"customer":{"id":"c","email":"a@b.sk","timeZone":"Mars/Olympus"}}""", "customer.timeZone" },
        { """{"customer":{"id":"c","email":"a@b.sk","locale":"not a locale"}}""", "customer.locale" },
        { """{"properties":{"nested":{"a":1}}}""", "properties.nested" },
        { """{"properties":{"list":[1,2]}}""", "properties.list" },
        { """{"sendAt":"next tuesday"}""", "sendAt" },
        { """{"delivery":"sms"}""", "delivery" },
        { """{"delivery":1}""", "delivery" },
        // An e-mail survey needs the address; only a link survey may go without (LinkSurveyTests).
        { """{"delivery":"email","customer":{"id":"c"}}""", "customer.email" },
    };

    [Theory]
    [MemberData(nameof(BadSends))]
    public async Task BadDirectSendIsRefusedNamingTheField(string change, string field)
    {
        var body = SendBody(await CreateTemplateAsync());
        foreach (var (key, value) in JsonNode.Parse(change)!.AsObject())
        {
            body[key] = value?.DeepClone();
        }

        var response = await SendAsync(body);

        await ProblemAssert.IsValidationProblemAsync(response, field);
        Assert.Empty((await Read.GetFromJsonAsync<JsonObject>("/v1/surveys"))!["items"]!.AsArray());
    }

    [Theory]
    [InlineData("status=bogus", "status")]
    [InlineData("status=1", "status")]
    [InlineData("status=scheduled,sent", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("cursor=***", "cursor")]
    public async Task BadListQueryIsRefusedNamingTheParameter(string query, string field)
    {
        var response = await Read.GetAsync($"/v1/surveys?{query}");

        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    [Theory]
    [InlineData("read", "POST", "/v1/surveys", HttpStatusCode.Forbidden)]
    [InlineData("read", "DELETE", "/v1/surveys/{id}", HttpStatusCode.Forbidden)]
    [InlineData("read", "DELETE", "/v1/surveys?subjectId=ticket-1", HttpStatusCode.Forbidden)]
    [InlineData("ingest", "GET", "/v1/surveys/{id}", HttpStatusCode.Forbidden)]
    [InlineData("ingest", "GET", "/v1/surveys", HttpStatusCode.Forbidden)]
    [InlineData("none", "POST", "/v1/surveys", HttpStatusCode.Unauthorized)]
    [InlineData("none", "GET", "/v1/surveys/{id}", HttpStatusCode.Unauthorized)]
    [InlineData("none", "GET", "/v1/surveys", HttpStatusCode.Unauthorized)]
    [InlineData("none", "DELETE", "/v1/surveys/{id}", HttpStatusCode.Unauthorized)]
    public async Task KeyWithoutTheScopeIs403AndNoKeyIs401(string key, string method, string url, HttpStatusCode expected)
    {
        var template = await CreateTemplateAsync();
        var id = await SendSurveyAsync(template);
        var client = key switch { "read" => Read, "ingest" => Ingest, _ => Factory.CreateAnonymousClient() };
        using var request = new HttpRequestMessage(new HttpMethod(method), url.Replace("{id}", id));
        if (method == "POST")
        {
            request.Content = JsonContent.Create(SendBody(template, subjectId: "ticket-2"));
        }

        var response = await client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, expected);
        var surveys = (await Admin.GetFromJsonAsync<JsonObject>("/v1/surveys"))!["items"]!.AsArray();
        Assert.Equal(id, (string?)Assert.Single(surveys)!["id"]);
        Assert.Equal("scheduled", (string?)surveys[0]!["status"]);
    }
}
