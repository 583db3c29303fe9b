using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Templates;

/// <summary>DELETE archives: a new version with status archived, hidden from the default list, frozen against changes.</summary>
public sealed class TemplateArchiveTests : IAsyncLifetime
{
    private readonly FeedbackApiFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task DeleteArchivesAsANewVersion()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var id = (string)(await admin.CreateTemplateAsync())["id"]!;

        var response = await admin.DeleteTemplateAsync(id);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var archived = await admin.GetAsync($"/v1/templates/{id}");
        Assert.Equal("\"2\"", archived.Headers.ETag?.Tag);
        var body = (await archived.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("archived", (string?)body["status"]);
        Assert.Equal(2, (int?)body["version"]);
        var versions = (await admin.GetFromJsonAsync<JsonObject>($"/v1/templates/{id}/versions"))!["items"]!.AsArray();
        Assert.Equal(["active", "archived"], versions.Select(v => (string?)v!["status"]));
    }

    [Fact]
    public async Task ArchivedTemplatesLeaveTheDefaultListButNotTheArchivedOrFullOne()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var archived = (string)(await admin.CreateTemplateAsync())["id"]!;
        var active = (string)(await admin.CreateTemplateAsync())["id"]!;
        (await admin.DeleteTemplateAsync(archived)).EnsureSuccessStatusCode();
        using var reader = await _factory.CreateClientAsync(ApiScope.Read);

        Assert.Equal([active], await IdsAsync(reader, ""));
        Assert.Equal([active], await IdsAsync(reader, "?status=active"));
        Assert.Equal([archived], await IdsAsync(reader, "?status=archived"));
        Assert.Equal(new[] { archived, active }.Order(StringComparer.Ordinal), await IdsAsync(reader, "?status=all"));
    }

    [Fact]
    public async Task DeletingAgainIs204AndChangesNothing()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var id = (string)(await admin.CreateTemplateAsync())["id"]!;
        (await admin.DeleteTemplateAsync(id)).EnsureSuccessStatusCode();
        var before = await admin.GetTemplateAsync(id);
        _factory.Time.Advance(TimeSpan.FromHours(1));

        var again = await admin.DeleteTemplateAsync(id);

        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.True(JsonNode.DeepEquals(before, await admin.GetTemplateAsync(id)));
    }

    [Fact]
    public async Task ReplacingAnArchivedTemplateIs409()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var id = (string)(await admin.CreateTemplateAsync())["id"]!;
        (await admin.DeleteTemplateAsync(id)).EnsureSuccessStatusCode();

        var response = await admin.PutTemplateAsync(id, TemplateBodies.Csat());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(2, (int?)(await admin.GetTemplateAsync(id))["version"]);
    }

    [Fact]
    public async Task DeleteWithAStaleIfMatchIs412AndKeepsTheTemplateActive()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var id = (string)(await admin.CreateTemplateAsync())["id"]!;
        (await admin.PutTemplateAsync(id, TemplateBodies.Csat())).EnsureSuccessStatusCode();

        var response = await admin.DeleteTemplateAsync(id, ifMatch: "\"1\"");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Equal("active", (string?)(await admin.GetTemplateAsync(id))["status"]);
    }

    private static async Task<IEnumerable<string>> IdsAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonObject>($"/v1/templates{query}"))!["items"]!.AsArray().Select(t => (string)t!["id"]!).ToList();
}
