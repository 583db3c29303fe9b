using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Feedback.Reliability.Tests;

/// <summary>What the tests ask of a running service, through its public HTTP API only (so it works for every store).</summary>
public static class ServiceApi
{
    /// <summary>A CSAT template sent at once (no delay, window or quiet period) on <c>ticket.resolved</c>.</summary>
    public static async Task<string> CreateTemplateAsync(this HttpClient admin)
    {
        var content = new JsonObject
        {
            ["subject"] = "How did we do?", ["question"] = "How satisfied are you with {{ subject.id }}?",
            ["lowLabel"] = "1", ["highLabel"] = "5", ["commentPrompt"] = "?", ["thankYou"] = "!",
        };
        var body = new JsonObject
        {
            ["name"] = "Reliability CSAT", ["kind"] = "csat", ["trigger"] = "ticket.resolved", ["delay"] = "PT0S",
            ["expiresAfter"] = "P14D", ["sampleRate"] = 1.0, ["defaultLocale"] = "en", ["content"] = new JsonObject { ["en"] = content },
        };
        var response = await admin.PostAsJsonAsync("/v1/templates", body);
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    /// <summary>Posts <paramref name="count"/> events for distinct customers in batches of 1000; returns the ids of the surveys they scheduled.</summary>
    public static async Task<IReadOnlyList<string>> PostEventsAsync(this HttpClient ingest, int count, string prefix = "e")
    {
        var ids = new List<string>();
        foreach (var chunk in Enumerable.Range(0, count).Chunk(1000))
        {
            var events = new JsonArray([.. chunk.Select(i => (JsonNode)Event($"{prefix}-{i}"))]);
            var response = await PostIdempotentAsync(ingest, "/v1/events/batch", new JsonObject { ["events"] = events });
            var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();
            ids.AddRange(results.SelectMany(r => r!["surveys"]!.AsArray()).Select(s => (string)s!["id"]!));
        }
        return ids;
    }

    /// <summary>Whether no survey is scheduled or being sent.</summary>
    public static async Task<bool> IsOutboxEmptyAsync(this HttpClient read)
    {
        foreach (var status in new[] { "scheduled", "sending" })
        {
            var page = await read.GetFromJsonAsync<JsonObject>($"/v1/surveys?status={status}&limit=1");
            if (page!["items"]!.AsArray().Count > 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Polls until the outbox is empty; the generous timeout only bounds a hang, it is not what is tested.</summary>
    public static async Task WaitUntilOutboxEmptyAsync(this HttpClient read, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!await read.IsOutboxEmptyAsync())
        {
            await Task.Delay(250, cts.Token);
        }
    }

    /// <summary>How many surveys in doubt this process confirmed from SendGrid's events (its <c>/metrics</c> counter).</summary>
    public static async Task<long> ConfirmedAsync(this HttpClient client)
    {
        var metrics = await client.GetStringAsync("/metrics");
        return metrics.Split('\n')
            .Where(line => line.StartsWith("feedback_surveys_confirmed", StringComparison.Ordinal))
            .Sum(line => (long)double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    // Event ids make a repeated batch harmless, so a connection dropped by a busy machine is simply tried again.
    private static async Task<HttpResponseMessage> PostIdempotentAsync(HttpClient client, string path, JsonObject body)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await client.PostAsJsonAsync(path, body);
                return response.EnsureSuccessStatusCode();
            }
            catch (HttpRequestException) when (attempt < 3)
            {
                await Task.Delay(500);
            }
        }
    }

    private static JsonObject Event(string id) => new()
    {
        ["id"] = id,
        ["type"] = "ticket.resolved",
        ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O"),
        ["subjectId"] = $"ticket-{id}",
        ["customer"] = new JsonObject
        {
            ["id"] = $"cust-{id}", ["email"] = $"{id}@example.com", ["name"] = "Test", ["locale"] = "en", ["timeZone"] = "UTC",
        },
    };
}
