using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests.Suppressions;

public sealed class SuppressionsApiTests : ServiceFixture
{
    private Task<HttpResponseMessage> AddAsync(string? email, string? reason = "asked") =>
        Ingest.PostAsJsonAsync("/v1/suppressions", new { email, reason });

    [Fact]
    public async Task AddAnswers201WithTheAddressLowerCased()
    {
        var response = await AddAsync(" Jan.Novak@Example.SK ", "asked by phone");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/v1/suppressions/jan.novak%40example.sk", response.Headers.Location?.OriginalString);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("jan.novak@example.sk", (string?)body["email"]);
        Assert.Equal("asked by phone", (string?)body["reason"]);
        Assert.Equal("api", (string?)body["source"]);
        Assert.Equal(Factory.Time.GetUtcNow(), DateTimeOffset.Parse((string)body["createdAt"]!));
    }

    [Fact]
    public async Task AddWithoutAReasonRecordsManual()
    {
        var response = await AddAsync("jan@example.sk", reason: null);

        Assert.Equal("manual", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["reason"]);
    }

    [Fact]
    public async Task AddingAgainAnswers200AndKeepsTheFirstReason()
    {
        (await AddAsync("jan@example.sk", "bounce")).EnsureSuccessStatusCode();
        Factory.Time.Advance(TimeSpan.FromHours(1));

        var again = await AddAsync("JAN@example.sk", "changed my mind");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var body = (await again.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("bounce", (string?)body["reason"]);
        Assert.Equal(Factory.Time.GetUtcNow().AddHours(-1), DateTimeOffset.Parse((string)body["createdAt"]!));
    }

    [Theory]
    [InlineData("jan@example.sk")]
    [InlineData("JAN@EXAMPLE.SK")]
    [InlineData("Jan@Example.sk")]
    public async Task GetFindsTheAddressInAnyLetterCase(string asked)
    {
        (await AddAsync("Jan@example.sk", "bounce")).EnsureSuccessStatusCode();

        var found = (await Read.GetFromJsonAsync<JsonObject>($"/v1/suppressions/{Uri.EscapeDataString(asked)}"))!;

        Assert.Equal("jan@example.sk", (string?)found["email"]);
        Assert.Equal("bounce", (string?)found["reason"]);
    }

    [Fact]
    public async Task GetOfAnAddressNotSuppressedIs404()
    {
        var response = await Read.GetAsync("/v1/suppressions/nobody%40example.sk");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task ListPagesByAddressWithoutGapsOrRepeats(int limit)
    {
        string[] addresses = ["eva@example.sk", "Adam@example.sk", "zoe@example.sk", "jan@example.sk", "ola@example.pl"];
        foreach (var address in addresses)
        {
            (await AddAsync(address)).EnsureSuccessStatusCode();
        }

        var pages = await Pages.ReadAllAsync(Read, $"/v1/suppressions?limit={limit}");

        var seen = pages.SelectMany(items => items.Select(s => (string)s!["email"]!));
        Assert.Equal(addresses.Select(a => a.ToLowerInvariant()).Order(StringComparer.Ordinal), seen);
        Assert.Equal((addresses.Length + limit - 1) / limit, pages.Count);
    }

    [Fact]
    public async Task AdminRemovesASuppressionAndThenItIsGone()
    {
        (await AddAsync("jan@example.sk")).EnsureSuccessStatusCode();

        var removed = await Admin.DeleteAsync("/v1/suppressions/JAN%40example.sk");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await ProblemAssert.IsProblemAsync(await Read.GetAsync("/v1/suppressions/jan%40example.sk"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await Admin.DeleteAsync("/v1/suppressions/jan%40example.sk"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("a/b@example.com")]
    [InlineData("jan+news@example.sk")]
    [InlineData("o'brien@example.ie")]
    [InlineData("what?#now@example.com")]
    [InlineData("100%@example.com")]
    public async Task AddressWithSymbolsCanBeFetchedAndRemovedAtItsLocation(string email)
    {
        var added = await AddAsync(email);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        var found = await Read.GetAsync(added.Headers.Location);
        var removed = await Admin.DeleteAsync(added.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal(email, (string?)(await found.Content.ReadFromJsonAsync<JsonObject>())!["email"]);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Empty((await Read.GetFromJsonAsync<JsonObject>("/v1/suppressions"))!["items"]!.AsArray());
    }
}
