using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests.Errors;

/// <summary>
/// One rule for enums wherever they arrive: a body, a query string or a route takes exactly the lowercase name the
/// OpenAPI document lists, and nothing else (no other casing, number or list).
/// </summary>
public sealed class EnumSpellingTests : ServiceFixture
{
    private static string Template(string kind) => TemplateBodies.Csat().With("kind", $"\"{kind}\"").ToJsonString();

    private static string Key(string scope) => new JsonObject { ["name"] = "helpdesk", ["scopes"] = new JsonArray(scope) }.ToJsonString();

    private const string Kinds = "must be nps, csat or ces";
    private const string Statuses = "must be scheduled, sending, sent, answered, cancelled, expired, suppressed or failed";

    // method, url, body; the field the 400 names and its message, or nulls for a route, whose unknown value is a 404.
    public static TheoryData<string, string, string?, string?, string?> OtherSpellings => new()
    {
        { "POST", "/v1/templates", Template("NPS"), "kind", Kinds },
        { "POST", "/v1/templates", Template("Csat"), "kind", Kinds },
        { "POST", "/v1/templates", Template("2"), "kind", Kinds },
        { "POST", "/v1/api-keys", Key("Read"), "scopes[0]", "must be admin, ingest or read" },
        { "POST", "/v1/api-keys", Key("INGEST"), "scopes[0]", "must be admin, ingest or read" },
        { "GET", "/v1/responses?kind=NPS", null, "kind", Kinds },
        { "GET", "/v1/responses?kind=Ces", null, "kind", Kinds },
        { "GET", "/v1/surveys?status=Sent", null, "status", Statuses },
        { "GET", "/v1/surveys?status=SCHEDULED", null, "status", Statuses },
        { "GET", "/v1/scores/NPS", null, null, null },
        { "GET", "/v1/scores/Csat", null, null, null },
    };

    public static TheoryData<string, string, string?, HttpStatusCode> Names => new()
    {
        { "POST", "/v1/templates", Template("nps"), HttpStatusCode.Created },
        { "POST", "/v1/templates", Template("csat"), HttpStatusCode.Created },
        { "POST", "/v1/api-keys", Key("read"), HttpStatusCode.Created },
        { "GET", "/v1/responses?kind=nps", null, HttpStatusCode.OK },
        { "GET", "/v1/surveys?status=sent", null, HttpStatusCode.OK },
        { "GET", "/v1/scores/nps", null, HttpStatusCode.OK },
        { "GET", "/v1/scores/ces", null, HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(OtherSpellings))]
    public async Task EnumSpelledOtherThanItsNameIsRefusedInBodiesQueriesAndRoutes(
        string method, string url, string? body, string? field, string? message)
    {
        var response = await Admin.SendAsync(Request(method, url, body));

        if (field is null)
        {
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
            Assert.Contains("nps, csat or ces", (string?)problem["detail"]);
        }
        else
        {
            var problem = await ProblemAssert.IsValidationProblemAsync(response, field);
            Assert.Equal(message, ProblemAssert.Message(problem, field));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task EnumSpelledAsItsNameIsAcceptedEverywhere(string method, string url, string? body, HttpStatusCode status)
    {
        var response = await Admin.SendAsync(Request(method, url, body));

        Assert.Equal(status, response.StatusCode);
    }

    private static HttpRequestMessage Request(string method, string url, string? body) => new(new HttpMethod(method), url)
    {
        Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
    };
}
