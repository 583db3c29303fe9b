using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Feedback.Api.Tests.Infrastructure;

/// <summary>A caller per scope: keys created through the API for ingest and read, a revoked admin key, and the bootstrap admin key.</summary>
public static class ScopedKeys
{
    public static async Task<Dictionary<string, string>> CreateAsync(FeedbackApiFactory factory)
    {
        var keys = new Dictionary<string, string> { ["admin"] = FeedbackApiFactory.AdminKey };
        using var admin = factory.CreateClient(FeedbackApiFactory.AdminKey);
        foreach (var scope in new[] { "ingest", "read", "revoked" })
        {
            var created = await admin.PostAsJsonAsync("/v1/api-keys", new { name = scope, scopes = new[] { scope == "revoked" ? "admin" : scope } });
            var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
            keys[scope] = (string)body["key"]!;
            if (scope == "revoked")
            {
                (await admin.DeleteAsync($"/v1/api-keys/{body["id"]}")).EnsureSuccessStatusCode();
            }
        }
        return keys;
    }
}
