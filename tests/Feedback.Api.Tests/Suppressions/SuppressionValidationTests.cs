using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests.Suppressions;

public sealed class SuppressionValidationTests : ServiceFixture
{
    private Task<HttpResponseMessage> AddAsync(string? email, string? reason = "asked") =>
        Ingest.PostAsJsonAsync("/v1/suppressions", new { email, reason });

    [Theory]
    [InlineData("ingest")]
    [InlineData("read")]
    public async Task RemovingNeedsTheAdminScope(string scope)
    {
        (await AddAsync("jan@example.sk")).EnsureSuccessStatusCode();

        var response = await (scope == "ingest" ? Ingest : Read).DeleteAsync("/v1/suppressions/jan%40example.sk");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await Read.GetAsync("/v1/suppressions/jan%40example.sk")).StatusCode);
    }

    [Fact]
    public async Task AddingNeedsTheIngestScope()
    {
        var response = await Read.PostAsJsonAsync("/v1/suppressions", new { email = "jan@example.sk" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    public static TheoryData<string, string> BadSuppressions => new()
    {
        { """{"reason":"x"}""", "email" },
        { """{"email":null}""", "email" },
        { """{"email":""}""", "email" },
        { """{"email":"not-an-email"}""", "email" },
        { """{"email":"jan@localhost"}""", "email" },
        { """{"email":"jan novak@example.sk"}""", "email" },
        { """{"email":42}""", "email" },
        { $$"""{"email":"jan@example.sk","reason":"{{new string('r', 201)}}"}""", "reason" },
    };

    [Theory]
    [MemberData(nameof(BadSuppressions))]
    public async Task BadSuppressionIsRefusedNamingTheField(string body, string field)
    {
        var response = await Ingest.PostAsync("/v1/suppressions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.IsValidationProblemAsync(response, field);
        Assert.Empty((await Read.GetFromJsonAsync<JsonObject>("/v1/suppressions"))!["items"]!.AsArray());
    }

    [Fact]
    public async Task ReasonOfExactly200CharactersIsAccepted()
    {
        var response = await AddAsync("jan@example.sk", new string('r', 200));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
