using System.Net;
using System.Net.Http.Json;
using System.Text;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Errors;

/// <summary>
/// Requests the service cannot read get RFC 9457 Problem Details, never a 500. <see cref="ProblemAssert"/> also checks
/// every one of these bodies for stack traces, exception and .NET type names.
/// </summary>
public sealed class ProblemDetailsTests(SharedFeedbackApi api) : IClassFixture<SharedFeedbackApi>
{
    private readonly FeedbackApiFactory _factory = api.Factory;

    [Fact]
    public async Task InvalidBodyIsA400ProblemJsonListingEveryFieldAtOnce()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var body = TemplateBodies.Csat().With("name", null).With("delay", "\"P1M\"").With("sampleRate", "2").With("reminderAfter", "\"P20D\"");

        var response = await admin.PostAsJsonAsync("/v1/templates", body);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ProblemAssert.IsValidationProblemAsync(response, "name", "delay", "sampleRate", "reminderAfter");
        Assert.Equal("/v1/templates", (string?)problem["instance"]);
        Assert.False(string.IsNullOrEmpty((string?)problem["traceId"]));
        Assert.StartsWith("https://tools.ietf.org/html/rfc9110", (string?)problem["type"]);
    }

    // Values of the wrong type are listed with every other error (EveryErrorAtOnceTests); JSON that does not parse is one error.
    [Theory]
    [InlineData("""{"name": "Post-resolution CSAT",""")]
    [InlineData("""{"name": "a"} and more""")]
    [InlineData("not json at all")]
    [InlineData("""{"content": {"en": {"subject": "s",}}}""")]
    [InlineData("""{"name": 'single quotes'}""")]
    public async Task MalformedJsonIsA400UnderBodySayingWhereItBroke(string json)
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);

        var response = await admin.PostAsync("/v1/templates", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsValidationProblemAsync(response, "body");
        Assert.Matches(@"^is not valid JSON: .+ \(line 1, byte \d+\)$", ProblemAssert.Message(problem, "body"));
    }

    [Theory]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"a template\"")]
    [InlineData("42")]
    [InlineData("true")]
    public async Task BodyThatIsNotAnObjectIsA400UnderBodyAlone(string json)
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);

        var response = await admin.PostAsync("/v1/templates", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsValidationProblemAsync(response, "body");
        Assert.Equal("must be an object", ProblemAssert.Message(problem, "body"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task MissingBodyIsA400(string json)
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);

        var response = await admin.PostAsync("/v1/templates", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("A JSON request body is required.", (string?)problem["detail"]);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task BodyThatIsNotJsonIsA415(string? contentType)
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var content = new StringContent(TemplateBodies.Csat().ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = contentType is null ? null : new(contentType);

        var response = await admin.PostAsync("/v1/templates", content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("GET", "/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("GET", "/v1/surveys-that-do-not-exist", HttpStatusCode.NotFound)]
    [InlineData("GET", "/v1/templates/tpl_x/versions/one", HttpStatusCode.NotFound)]
    [InlineData("PATCH", "/v1/templates", HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "/healthz", HttpStatusCode.MethodNotAllowed)]
    public async Task UnknownRouteOrMethodIsAProblem(string method, string path, HttpStatusCode status)
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);

        var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await ProblemAssert.IsProblemAsync(response, status);
        Assert.Equal(path, (string?)problem["instance"]);
    }

    [Theory]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=", "limit")]
    [InlineData("limit=1.5", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=100000", "limit")]
    [InlineData("limit=99999999999", "limit")]
    [InlineData("cursor=%%%", "cursor")]
    [InlineData("cursor=not%20a%20cursor", "cursor")]
    [InlineData("status=deleted", "status")]
    [InlineData("status=", "status")]
    [InlineData("status=deleted&limit=0", "status", "limit")]
    public async Task BadQueryValueIsA400NamingTheParameter(string query, params string[] fields)
    {
        using var reader = await _factory.CreateClientAsync(ApiScope.Read);

        var response = await reader.GetAsync($"/v1/templates?{query}");

        await ProblemAssert.IsValidationProblemAsync(response, fields);
    }
}
