using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Answers;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Templates;

/// <summary><c>reasons</c> and <c>content.&lt;locale&gt;.reasonLabels</c>: stored as sent, and every bad part named.</summary>
public sealed class TemplateReasonsTests(SharedFeedbackApi api) : IClassFixture<SharedFeedbackApi>
{
    private readonly FeedbackApiFactory _factory = api.Factory;

    [Fact]
    public async Task ReasonsAndTheirLabelsReadBackAsSent()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var body = TemplateBodies.Csat();
        ReasonBodies.AddTo(body);

        var created = await admin.PostAsJsonAsync("/v1/templates", body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var template = (await admin.GetFromJsonAsync<JsonObject>(created.Headers.Location))!;
        Assert.True(JsonNode.DeepEquals(body["reasons"], template["reasons"]), template["reasons"]?.ToJsonString());
        Assert.True(JsonNode.DeepEquals(body["content"]!["sk"]!["reasonLabels"], template["content"]!["sk"]!["reasonLabels"]));
        Assert.Null(template["content"]!["pl"]!["reasonLabels"]);
    }

    [Fact]
    public async Task ATemplateWithoutReasonsHasNone()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);

        var created = await admin.PostAsJsonAsync("/v1/templates", TemplateBodies.Csat());

        var template = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(template.ContainsKey("reasons"));
        Assert.Null(template["reasons"]);
    }

    [Theory]
    [InlineData("""{ "codes": ["slow_response", "not_solved", "rude"] }""", "reasons.maxScore")]
    [InlineData("""{ "maxScore": 0, "codes": ["slow_response", "not_solved", "rude"] }""", "reasons.maxScore")]
    [InlineData("""{ "maxScore": 6, "codes": ["slow_response", "not_solved", "rude"] }""", "reasons.maxScore")]
    [InlineData("""{ "maxScore": "two", "codes": ["slow_response", "not_solved", "rude"] }""", "reasons.maxScore")]
    [InlineData("""{ "maxScore": 2, "codes": [] }""", "reasons.codes", "content.en.reasonLabels.slow_response", "content.en.reasonLabels.not_solved", "content.en.reasonLabels.rude", "content.sk.reasonLabels.slow_response", "content.sk.reasonLabels.not_solved", "content.he.reasonLabels.slow_response")]
    [InlineData("""{ "maxScore": 2, "codes": ["slow_response", "not_solved", "rude", "Other"] }""", "reasons.codes[3]")]
    [InlineData("""{ "maxScore": 2, "codes": ["slow_response", "not_solved", "rude", "slow_response"] }""", "reasons.codes[3]")]
    [InlineData("""{ "maxScore": 2, "codes": ["slow_response", "not_solved", "rude", "late"] }""", "content.en.reasonLabels.late")]
    [InlineData("""{ "maxScore": 2, "codes": ["slow_response", "not_solved"] }""", "content.en.reasonLabels.rude")]
    [InlineData("\"rude\"", "reasons")]
    public async Task BadReasonsAreRefusedNamingEachBadPart(string reasons, params string[] fields)
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var body = TemplateBodies.Csat();
        ReasonBodies.AddTo(body);

        var response = await admin.PostAsJsonAsync("/v1/templates", body.With("reasons", reasons));

        await ProblemAssert.IsValidationProblemAsync(response, fields);
    }

    [Theory]
    [InlineData("en", """{ "slow_response": "Slow", "not_solved": "Not solved" }""", "content.en.reasonLabels.rude")]
    [InlineData("sk", """{ "rude": "   " }""", "content.sk.reasonLabels.rude")]
    [InlineData("sk", """{ "unknown": "Neznámy" }""", "content.sk.reasonLabels.unknown")]
    [InlineData("he", """{ "rude": 5 }""", "content.he.reasonLabels.rude")]
    [InlineData("he", "[\"rude\"]", "content.he.reasonLabels")]
    public async Task BadReasonLabelsAreRefusedNamingTheLocaleAndCode(string locale, string labels, string field)
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var body = TemplateBodies.Csat();
        ReasonBodies.AddTo(body);
        body["content"]![locale]!["reasonLabels"] = JsonNode.Parse(labels);

        var response = await admin.PostAsJsonAsync("/v1/templates", body);

        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task ALabelLongerThan200CharactersIsRefused()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var body = TemplateBodies.Csat();
        ReasonBodies.AddTo(body);
        body["content"]!["pl"]!["reasonLabels"] = new JsonObject { ["rude"] = new string('x', 201) };

        var response = await admin.PostAsJsonAsync("/v1/templates", body);

        await ProblemAssert.IsValidationProblemAsync(response, "content.pl.reasonLabels.rude");
    }

    [Fact]
    public async Task LabelsWithoutReasonsAreRefused()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var body = TemplateBodies.Csat();
        body["content"]!["en"]!["reasonLabels"] = new JsonObject { ["rude"] = "Rude" };

        var response = await admin.PostAsJsonAsync("/v1/templates", body);

        await ProblemAssert.IsValidationProblemAsync(response, "content.en.reasonLabels.rude");
    }
}
