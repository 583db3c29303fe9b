using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Templates;

/// <summary>PUT makes a new version; the ETag is the version and If-Match guards against lost updates; old versions stay readable.</summary>
public sealed class TemplateVersioningTests : IAsyncLifetime
{
    private readonly FeedbackApiFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task ReplaceCreatesVersion2WithANewETag()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var id = (string)(await admin.CreateTemplateAsync())["id"]!;

        var response = await admin.PutTemplateAsync(id, Renamed("Second"), ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal(2, (int?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["version"]);
        var current = await admin.GetAsync($"/v1/templates/{id}");
        Assert.Equal("\"2\"", current.Headers.ETag?.Tag);
        Assert.Equal("Second", (string?)(await current.Content.ReadFromJsonAsync<JsonObject>())!["name"]);
    }

    [Fact]
    public async Task StaleIfMatchIs412AndChangesNothing()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var id = (string)(await admin.CreateTemplateAsync())["id"]!;
        (await admin.PutTemplateAsync(id, Renamed("Second"))).EnsureSuccessStatusCode();

        var stale = await admin.PutTemplateAsync(id, Renamed("Lost update"), ifMatch: "\"1\"");

        var problem = await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Contains("\"2\"", (string?)problem["detail"]);
        var current = await admin.GetTemplateAsync(id);
        Assert.Equal(2, (int?)current["version"]);
        Assert.Equal("Second", (string?)current["name"]);
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonObject>($"/v1/templates/{id}/versions"))!["items"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("\"1\"", HttpStatusCode.OK)]
    [InlineData("*", HttpStatusCode.OK)]
    [InlineData("\"7\", \"1\"", HttpStatusCode.OK)]
    [InlineData("\"2\"", HttpStatusCode.PreconditionFailed)]
    [InlineData("W/\"1\"", HttpStatusCode.PreconditionFailed)]
    [InlineData("1", HttpStatusCode.PreconditionFailed)]
    public async Task IfMatchIsComparedStronglyWithTheCurrentETag(string ifMatch, HttpStatusCode status)
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var id = (string)(await admin.CreateTemplateAsync())["id"]!;

        var response = await admin.PutTemplateAsync(id, Renamed("Changed"), ifMatch);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(status == HttpStatusCode.OK ? 2 : 1, (int?)(await admin.GetTemplateAsync(id))["version"]);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public async Task UnquotedIfMatchIs412SayingTheETagIsQuoted(string ifMatch)
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var id = (string)(await admin.CreateTemplateAsync())["id"]!;
        var replaced = await admin.PutTemplateAsync(id, Renamed("Second"));

        var response = await admin.PutTemplateAsync(id, Renamed("Third"), ifMatch);
        var archive = new HttpRequestMessage(HttpMethod.Delete, $"/v1/templates/{id}");
        archive.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        var archived = await admin.SendAsync(archive);

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        foreach (var refused in new[] { response, archived })
        {
            var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.PreconditionFailed);
            Assert.Equal($"If-Match takes entity tags in quotes, as the ETag header gives them: \"{ifMatch}\", not {ifMatch}.", (string?)problem["detail"]);
        }
        Assert.Equal(2, (int?)(await admin.GetTemplateAsync(id))["version"]);
    }

    [Fact]
    public async Task EveryVersionIsListedAndOldOnesStayReadable()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var id = (string)(await admin.CreateTemplateAsync())["id"]!;
        var second = Renamed("Second");
        second["content"]!["en"]!["subject"] = "Version two subject";
        (await admin.PutTemplateAsync(id, second)).EnsureSuccessStatusCode();
        using var reader = await _factory.CreateClientAsync(ApiScope.Read);

        var versions = (await reader.GetFromJsonAsync<JsonObject>($"/v1/templates/{id}/versions"))!;
        var first = (await reader.GetFromJsonAsync<JsonObject>($"/v1/templates/{id}/versions/1"))!;
        var missing = await reader.GetAsync($"/v1/templates/{id}/versions/3");

        Assert.Equal([1, 2], versions["items"]!.AsArray().Select(v => (int)v!["version"]!));
        Assert.Null(versions["nextCursor"]);
        Assert.Equal("Post-resolution CSAT", (string?)first["name"]);
        Assert.Equal("How did we do, {{ customer.name }}?", (string?)first["content"]!["en"]!["subject"]);
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task InvalidReplacementIs400AndKeepsTheCurrentVersion()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var id = (string)(await admin.CreateTemplateAsync())["id"]!;

        var response = await admin.PutTemplateAsync(id, TemplateBodies.Csat().With("delay", "\"P1M\""));

        await ProblemAssert.IsValidationProblemAsync(response, "delay");
        Assert.Equal(1, (int?)(await admin.GetTemplateAsync(id))["version"]);
    }

    [Fact]
    public async Task CreatedAtIsKeptAcrossVersionsAndUpdatedAtMovesWithTheClock()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var createdAt = _factory.Time.GetUtcNow();
        var id = (string)(await admin.CreateTemplateAsync())["id"]!;
        _factory.Time.Advance(TimeSpan.FromHours(3));

        var replaced = (await (await admin.PutTemplateAsync(id, Renamed("Later"))).Content.ReadFromJsonAsync<JsonObject>())!;
        _factory.Time.Advance(TimeSpan.FromDays(1));
        (await admin.DeleteTemplateAsync(id)).EnsureSuccessStatusCode();
        var archived = await admin.GetTemplateAsync(id);

        Assert.Equal(createdAt, (DateTimeOffset?)replaced["createdAt"]);
        Assert.Equal(createdAt.AddHours(3), (DateTimeOffset?)replaced["updatedAt"]);
        Assert.Equal(createdAt, (DateTimeOffset?)archived["createdAt"]);
        Assert.Equal(createdAt.AddHours(27), (DateTimeOffset?)archived["updatedAt"]);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("PUT", "")]
    [InlineData("DELETE", "")]
    [InlineData("GET", "/versions")]
    [InlineData("GET", "/versions/1")]
    public async Task UnknownTemplateIs404(string method, string suffix)
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var request = new HttpRequestMessage(new HttpMethod(method), $"/v1/templates/tpl_unknown{suffix}");
        if (method == "PUT")
        {
            request.Content = JsonContent.Create(TemplateBodies.Csat());
        }

        var response = await admin.SendAsync(request);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("tpl_unknown", (string?)problem["detail"]);
    }

    private static JsonObject Renamed(string name) => TemplateBodies.Csat().With("name", $"\"{name}\"");
}
