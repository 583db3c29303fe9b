using System.Net;
using System.Net.Http.Json;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Api.Tests.Responses;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Scores;

public sealed class ScoreValidationTests(SharedFeedbackApi api) : IClassFixture<SharedFeedbackApi>
{
    [Theory]
    [InlineData("interval=hour", "interval")]
    [InlineData("interval=", "interval")]
    [InlineData("from=2026-11-10&to=2026-11-10", "from")]
    [InlineData("from=2026-11-12&to=2026-11-10", "from")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-11-10T12:00:00Z", "from")]
    [InlineData("to=2026-11-10T00:00:00%2B02:00", "to")]
    [InlineData("to=2026-02-30", "to")]
    [InlineData("from=2020-01-01&to=2026-01-01", "to")]
    [InlineData("top=0", "top")]
    [InlineData("top=101", "top")]
    [InlineData("top=ten", "top")]
    [InlineData("compareTo=lastYear", "compareTo")]
    [InlineData("groupBy=", "groupBy")]
    [InlineData("groupBy=a%20b", "groupBy")]
    [InlineData("property.=x", "property.")]
    [InlineData("property.category=", "property.category")]
    [InlineData("templateId=", "templateId")]
    [InlineData("interval=year&top=-1", "interval", "top")]
    public async Task BadParameterIsA400NamingIt(string query, params string[] fields)
    {
        using var reader = await api.Factory.CreateClientAsync(ApiScope.Read);

        var response = await reader.GetAsync($"/v1/scores/nps?{query}");

        await ProblemAssert.IsValidationProblemAsync(response, fields);
    }

    [Fact]
    public async Task TemplateOfAnotherKindIsA400()
    {
        var templateId = await api.Factory.CreateTemplateAsync("csat");
        using var reader = await api.Factory.CreateClientAsync(ApiScope.Read);

        var problem = await ProblemAssert.IsValidationProblemAsync(await reader.GetAsync($"/v1/scores/nps?templateId={templateId}"), "templateId");

        Assert.Contains("csat", ProblemAssert.Message(problem, "templateId"));
    }

    [Fact]
    public async Task UnknownTemplateIsA404()
    {
        using var reader = await api.Factory.CreateClientAsync(ApiScope.Read);

        await ProblemAssert.IsProblemAsync(await reader.GetAsync("/v1/scores/ces?templateId=tpl_nope"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownKindIsA404()
    {
        using var reader = await api.Factory.CreateClientAsync(ApiScope.Read);

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/v1/scores/ltv")).StatusCode);
    }

    [Theory]
    [InlineData(ApiScope.Read, HttpStatusCode.OK)]
    [InlineData(ApiScope.Ingest, HttpStatusCode.Forbidden)]
    public async Task ScoresNeedTheReadScope(ApiScope scope, HttpStatusCode status)
    {
        using var client = await api.Factory.CreateClientAsync(scope);

        Assert.Equal(status, (await client.GetAsync("/v1/scores/csat")).StatusCode);
    }

    [Theory]
    [InlineData(ApiScope.Read)]
    [InlineData(ApiScope.Ingest)]
    public async Task RebuildNeedsTheAdminScope(ApiScope scope)
    {
        using var client = await api.Factory.CreateClientAsync(scope);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/v1/scores/rollups/rebuild", null)).StatusCode);
    }

    [Fact]
    public async Task AnEmptyPeriodHasNoScoreAndNoNaN()
    {
        using var reader = await api.Factory.CreateClientAsync(ApiScope.Read);

        var text = await reader.GetStringAsync("/v1/scores/ces?from=2001-01-01&to=2001-02-01&interval=week&compareTo=previous");

        Assert.Contains("\"responses\":0,\"score\":null", text);
        Assert.Contains("\"confidence95\":null", text);
        Assert.DoesNotContain("NaN", text);
        Assert.DoesNotContain("Infinity", text);
    }
}
