using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Api.Tests.Responses;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Themes;

/// <summary>A commented answer recorded through <c>POST /v1/responses</c>, at noon UTC of 2026-11-20.</summary>
public sealed record Comment(int Score, string Text, string Locale = "en", string Customer = "c-17", string Category = "delivery");

public static class ThemeSeeds
{
    private static int _seeded;

    /// <summary>A new template of <paramref name="kind"/> with the comments recorded; returns its id and the response ids in order.</summary>
    public static async Task<(string TemplateId, List<string> Ids)> SeedCommentsAsync(this FeedbackApiFactory factory, string kind, params Comment[] comments)
    {
        var templateId = await factory.CreateTemplateAsync(kind);
        using var ingest = await factory.CreateClientAsync(ApiScope.Ingest);
        var ids = new List<string>();
        foreach (var c in comments)
        {
            // Ids ascend in the order given, as the theme comment list pages in id order.
            var body = ResponseBodies.Phone($"ext-{Interlocked.Increment(ref _seeded):D6}-{Guid.NewGuid():N}", templateId, c.Score, c.Text, c.Customer, "2026-11-20T12:00:00Z",
                new JsonObject { ["category"] = c.Category });
            body["locale"] = c.Locale;
            ids.Add((string)(await ingest.RecordAsync(body))["id"]!);
        }
        return (templateId, ids);
    }

    public static IEnumerable<Comment> Times(this Comment comment, int count) => Enumerable.Repeat(comment, count);

    public static async Task<JsonObject> GetJsonAsync(this FeedbackApiFactory factory, string path)
    {
        using var reader = await factory.CreateClientAsync(ApiScope.Read);
        var response = await reader.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Each theme as "term:segmentCount:otherCount", in the order served.</summary>
    public static string[] Terms(JsonObject themes) =>
        [.. themes["themes"]!.AsArray().Select(t => $"{t!["term"]}:{t["segmentCount"]}:{t["otherCount"]}")];
}
