using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Responses;

/// <summary>Valid bodies for <c>POST /v1/responses</c> and helpers to set up the templates they answer.</summary>
public static class ResponseBodies
{
    public static JsonObject Phone(string id, string templateId, int score = 4, string? comment = null, string customerId = "c-17",
        string? answeredAt = null, JsonObject? properties = null, string channel = "phone", string subjectId = "ticket-42")
    {
        var body = new JsonObject
        {
            ["id"] = id,
            ["templateId"] = templateId,
            ["score"] = score,
            ["channel"] = channel,
            ["customer"] = new JsonObject { ["id"] = customerId },
            ["subjectId"] = subjectId,
        };
        if (comment is not null)
        {
            body["comment"] = comment;
        }
        if (answeredAt is not null)
        {
            body["answeredAt"] = answeredAt;
        }
        if (properties is not null)
        {
            body["properties"] = properties;
        }
        return body;
    }

    /// <summary>Creates a template of <paramref name="kind"/> (nps, csat or ces) and returns its id.</summary>
    public static async Task<string> CreateTemplateAsync(this FeedbackApiFactory factory, string kind = "csat")
    {
        using var admin = await factory.CreateClientAsync(ApiScope.Admin);
        var body = TemplateBodies.Csat(trigger: $"{kind}.test");
        body["kind"] = kind;
        var response = await admin.PostAsJsonAsync("/v1/templates", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    /// <summary>Records an answer that must be accepted as new, and returns the stored body.</summary>
    public static async Task<JsonObject> RecordAsync(this HttpClient ingest, JsonObject body)
    {
        var response = await ingest.PostAsJsonAsync("/v1/responses", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The ids of every item of the JSON list at <paramref name="url"/>, following the cursor to the end.</summary>
    public static async Task<List<string>> ListIdsAsync(this HttpClient reader, string url)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var separator = url.Contains('?') ? '&' : '?';
            var page = await reader.GetFromJsonAsync<JsonObject>(cursor is null ? url : $"{url}{separator}cursor={cursor}");
            ids.AddRange(page!["items"]!.AsArray().Select(i => (string)i!["id"]!));
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null);
        return ids;
    }
}
