using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Api.Tests.Responses;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Scores;

/// <summary>One answer recorded through <c>POST /v1/responses</c>, at noon UTC of <see cref="Day"/>.</summary>
public sealed record Answer(int Score, string Day = "2026-11-20", string Category = "delivery", string Agent = "maria", string Channel = "phone");

public static class ScoreSeeds
{
    /// <summary>A new template of <paramref name="kind"/> with the answers recorded; its id keeps tests sharing a service apart.</summary>
    public static async Task<string> SeedAsync(this FeedbackApiFactory factory, string kind, params Answer[] answers)
    {
        var templateId = await factory.CreateTemplateAsync(kind);
        using var ingest = await factory.CreateClientAsync(ApiScope.Ingest);
        foreach (var a in answers)
        {
            var properties = new JsonObject { ["category"] = a.Category, ["agent"] = a.Agent };
            await ingest.RecordAsync(ResponseBodies.Phone($"ext-{Guid.NewGuid():N}", templateId, a.Score,
                answeredAt: $"{a.Day}T12:00:00Z", properties: properties, channel: a.Channel));
        }
        return templateId;
    }

    public static Answer[] Times(this Answer answer, int count) => Enumerable.Repeat(answer, count).ToArray();

    public static async Task<JsonObject> ScoresAsync(this FeedbackApiFactory factory, string path)
    {
        using var reader = await factory.CreateClientAsync(ApiScope.Read);
        return (await reader.GetFromJsonAsync<JsonObject>(path))!;
    }

    /// <summary>Each group as "key:responses:score", in the order served.</summary>
    public static string[] Groups(JsonObject scores) =>
        scores["groups"]!.AsArray().Select(g => $"{g!["key"]}:{g["responses"]}:{g["score"]?.ToJsonString() ?? "null"}").ToArray();
}
