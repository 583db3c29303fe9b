using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;
using Microsoft.Data.Sqlite;

namespace Feedback.Api.Tests.Auth;

/// <summary>Creating, listing and revoking API keys; the secret is shown once and stored only as a hash.</summary>
public sealed class ApiKeyTests : IAsyncLifetime
{
    private readonly FeedbackApiFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task CreatedKeyShowsItsSecretOnceAndTheListNever()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);

        var response = await admin.PostAsJsonAsync("/v1/api-keys", new { name = "helpdesk", scopes = new[] { "ingest", "read", "read" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal($"/v1/api-keys/{created["id"]}", response.Headers.Location?.OriginalString);
        Assert.StartsWith("fbk_", (string?)created["key"]);
        Assert.Equal(["ingest", "read"], created["scopes"]!.AsArray().Select(s => (string?)s));
        var list = (await admin.GetFromJsonAsync<JsonObject>("/v1/api-keys"))!["items"]!.AsArray();
        Assert.Contains(list, k => (string?)k!["id"] == (string?)created["id"]);
        Assert.All(list, k => Assert.False(k!.AsObject().ContainsKey("key"), $"the list shows a secret: {k}"));
        Assert.DoesNotContain((string)created["key"]!, list.ToJsonString());
    }

    [Fact]
    public async Task LocationOfACreatedKeyAnswersGetWithoutTheSecret()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var response = await admin.PostAsJsonAsync("/v1/api-keys", new { name = "helpdesk", scopes = new[] { "ingest" } });
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        var found = await admin.GetAsync(response.Headers.Location);
        var missing = await admin.GetAsync("/v1/api-keys/key_does_not_exist");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var key = (await found.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(["id", "name", "scopes", "createdAt", "revokedAt"], key.Select(p => p.Key));
        Assert.Equal((string?)created["id"], (string?)key["id"]);
        Assert.Equal("helpdesk", (string?)key["name"]);
        Assert.DoesNotContain((string)created["key"]!, key.ToJsonString());
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DatabaseHoldsOnlyTheHashOfEverySecret()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var response = await admin.PostAsJsonAsync("/v1/api-keys", new { name = "crm", scopes = new[] { "read" } });
        var secret = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["key"]!;

        var rows = await ReadApiKeyRowsAsync();

        Assert.DoesNotContain(secret, rows);
        Assert.DoesNotContain(FeedbackApiFactory.AdminKey, rows);
        Assert.Contains(Sha256Hex(secret), rows);
        Assert.Contains(Sha256Hex(FeedbackApiFactory.AdminKey), rows);
    }

    [Fact]
    public async Task RevokedKeyIsRefusedFromThenOn()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var created = (await (await admin.PostAsJsonAsync("/v1/api-keys", new { name = "shop", scopes = new[] { "read" } })).Content.ReadFromJsonAsync<JsonObject>())!;
        using var shop = _factory.CreateClient((string)created["key"]!);
        Assert.Equal(HttpStatusCode.OK, (await shop.GetAsync("/v1/templates")).StatusCode);
        _factory.Time.Advance(TimeSpan.FromMinutes(5));

        var revoke = await admin.DeleteAsync($"/v1/api-keys/{created["id"]}");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await ProblemAssert.IsProblemAsync(await shop.GetAsync("/v1/templates"), HttpStatusCode.Unauthorized);
        var listed = (await admin.GetFromJsonAsync<JsonObject>("/v1/api-keys"))!["items"]!.AsArray().Single(k => (string?)k!["id"] == (string?)created["id"])!;
        Assert.Equal(_factory.Time.GetUtcNow(), (DateTimeOffset?)listed["revokedAt"]);
    }

    [Fact]
    public async Task RevokingARevokedKeyAgainKeepsTheFirstRevocationTime()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var id = (string)(await (await admin.PostAsJsonAsync("/v1/api-keys", new { name = "x", scopes = new[] { "read" } })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await admin.DeleteAsync($"/v1/api-keys/{id}");
        var firstRevocation = _factory.Time.GetUtcNow();
        _factory.Time.Advance(TimeSpan.FromHours(1));

        var again = await admin.DeleteAsync($"/v1/api-keys/{id}");

        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        var listed = (await admin.GetFromJsonAsync<JsonObject>("/v1/api-keys"))!["items"]!.AsArray().Single(k => (string?)k!["id"] == id)!;
        Assert.Equal(firstRevocation, (DateTimeOffset?)listed["revokedAt"]);
    }

    [Fact]
    public async Task RevokingAnUnknownKeyIs404()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);

        var response = await admin.DeleteAsync("/v1/api-keys/key_0000000000000000");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{ "name": "x", "scopes": ["superuser"] }""", "scopes[0]")]
    [InlineData("""{ "name": "x", "scopes": ["read", "Everything"] }""", "scopes[1]")]
    [InlineData("""{ "name": "x", "scopes": ["ingest, read"] }""", "scopes[0]")]
    [InlineData("""{ "name": "x", "scopes": ["admin,read"] }""", "scopes[0]")]
    [InlineData("""{ "name": "x", "scopes": [0] }""", "scopes[0]")]
    [InlineData("""{ "name": "x", "scopes": "read" }""", "scopes")]
    [InlineData("""{ "name": "x", "scopes": [] }""", "scopes")]
    [InlineData("""{ "name": "x" }""", "scopes")]
    [InlineData("""{ "scopes": ["read"] }""", "name")]
    [InlineData("""{ "name": "  ", "scopes": ["read"] }""", "name")]
    [InlineData("""{ "name": 7, "scopes": ["read"] }""", "name")]
    public async Task BadKeyRequestIsRefusedAndCreatesNothing(string json, string field)
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);

        var response = await admin.PostAsync("/v1/api-keys", new StringContent(json, Encoding.UTF8, "application/json"));

        await ProblemAssert.IsValidationProblemAsync(response, field);
        var list = await admin.GetAsync("/v1/api-keys");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Single((await list.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray());
    }

    private async Task<string> ReadApiKeyRowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_factory.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM api_keys";
        await using var reader = await command.ExecuteReaderAsync();
        var dump = new StringBuilder();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                dump.Append(reader.IsDBNull(i) ? "" : reader.GetValue(i).ToString()).Append('|');
            }
            dump.AppendLine();
        }
        return dump.ToString();
    }

    private static string Sha256Hex(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
