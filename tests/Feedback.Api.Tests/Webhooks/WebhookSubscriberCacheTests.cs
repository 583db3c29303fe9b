using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Api.Tests.Responses;
using Feedback.Core.Auth;
using Feedback.Core.Storage;
using Feedback.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Api.Tests.Webhooks;

/// <summary>
/// The subscriptions per event type are kept per replica for <see cref="WebhookSubscribers.Ttl"/>, "nobody subscribes"
/// included: a subscription created or deleted is seen at once by the replica that wrote it, and by another replica once
/// that bound has passed.
/// </summary>
public sealed class WebhookSubscriberCacheTests : TwoReplicas
{
    [Fact]
    public async Task NewSubscriptionIsSeenHereAtOnceAndOnAnotherReplicaOnceTheBoundHasPassed()
    {
        using var admin = await First.CreateClientAsync(ApiScope.Admin);
        using var ingestFirst = await First.CreateClientAsync(ApiScope.Ingest);
        using var ingestSecond = await Second.CreateClientAsync(ApiScope.Ingest);
        var template = await First.CreateTemplateAsync();
        // Both replicas have now read that nobody subscribes to response.created.
        await ingestFirst.RecordAsync(ResponseBodies.Phone("r-1", template, subjectId: "t-1"));
        await ingestSecond.RecordAsync(ResponseBodies.Phone("r-2", template, subjectId: "t-2"));

        var subscription = await SubscribeAsync(admin);

        await ingestFirst.RecordAsync(ResponseBodies.Phone("r-3", template, subjectId: "t-3"));
        Assert.Single(await DeliveriesAsync(admin, subscription));
        Second.Time.Advance(WebhookSubscribers.Ttl - TimeSpan.FromSeconds(1));
        await ingestSecond.RecordAsync(ResponseBodies.Phone("r-4", template, subjectId: "t-4"));
        Assert.Single(await DeliveriesAsync(admin, subscription));
        Second.Time.Advance(TimeSpan.FromSeconds(1));
        await ingestSecond.RecordAsync(ResponseBodies.Phone("r-5", template, subjectId: "t-5"));
        Assert.Equal(2, (await DeliveriesAsync(admin, subscription)).Count);
    }

    [Fact]
    public async Task DeletedSubscriptionGetsNothingMoreHereAtOnce()
    {
        using var admin = await First.CreateClientAsync(ApiScope.Admin);
        using var ingest = await First.CreateClientAsync(ApiScope.Ingest);
        var template = await First.CreateTemplateAsync();
        var gone = await SubscribeAsync(admin);
        var kept = await SubscribeAsync(admin);
        // Read both into this replica's cache.
        await ingest.RecordAsync(ResponseBodies.Phone("r-1", template, subjectId: "t-1"));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/v1/webhooks/{gone}")).StatusCode);
        await ingest.RecordAsync(ResponseBodies.Phone("r-2", template, subjectId: "t-2"));

        // Deleting removed the deliveries queued before; a stale cache would have queued one more for r-2.
        var queued = await First.Services.GetRequiredService<IWebhookOutbox>()
            .ClaimDueAsync(First.Time.GetUtcNow(), "test", TimeSpan.FromMinutes(1), limit: 100);
        Assert.Equal([kept, kept], queued.Select(d => d.SubscriptionId));
    }

    private static async Task<string> SubscribeAsync(HttpClient admin)
    {
        var response = await admin.PostAsJsonAsync("/v1/webhooks", new { url = "https://hooks.example.com/feedback", events = new[] { WebhookEvents.ResponseCreated } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private static async Task<JsonArray> DeliveriesAsync(HttpClient admin, string subscriptionId) =>
        (await admin.GetFromJsonAsync<JsonObject>($"/v1/webhooks/{subscriptionId}/deliveries"))!["items"]!.AsArray();
}
