using Feedback.Core.Common;
using Feedback.Core.Storage;
using Feedback.Core.Webhooks;
using Feedback.Storage.MongoDb.Documents;
using Feedback.Storage.MongoDb.Queries;
using MongoDB.Driver;
using static Feedback.Storage.MongoDb.Queries.MongoWebhookQueries;

namespace Feedback.Storage.MongoDb;

/// <summary>Subscriptions, the delivery log and erasure from it.</summary>
internal sealed class MongoWebhookStore(MongoCollections db) : IWebhookStore
{
    public async Task AddSubscriptionAsync(WebhookSubscription subscription, CancellationToken ct = default)
    {
        try
        {
            await db.WebhookSubscriptions.InsertOneAsync(WebhookSubscriptionDocument.From(subscription), cancellationToken: ct);
        }
        catch (MongoWriteException e) when (e.IsDuplicateKey())
        {
            throw MongoErrors.Duplicate($"webhook subscription '{subscription.Id}' exists", e);
        }
    }

    public async Task<WebhookSubscription?> GetSubscriptionAsync(string id, CancellationToken ct = default) =>
        (await db.WebhookSubscriptions.Find(Subscription(id)).SingleOrDefaultAsync(ct))?.ToSubscription();

    public Task<Page<WebhookSubscription>> ListSubscriptionsAsync(string? after, int limit, CancellationToken ct = default) =>
        MongoPaging.ReadPageAsync(db.WebhookSubscriptions, MongoPaging.After<WebhookSubscriptionDocument>(s => s.Id, after),
            MongoPaging.By<WebhookSubscriptionDocument>(s => s.Id), limit, d => d.ToSubscription(), s => s.Id, ct);

    public async Task<IReadOnlyList<WebhookSubscription>> SubscribersAsync(string type, CancellationToken ct = default) =>
        (await db.WebhookSubscriptions.Find(SubscribedTo(type)).Sort(MongoPaging.By<WebhookSubscriptionDocument>(s => s.Id)).ToListAsync(ct))
            .Select(d => d.ToSubscription()).ToList();

    /// <summary>Deliveries first: a crash in between leaves a subscription without deliveries, never deliveries without one.</summary>
    public async Task<bool> DeleteSubscriptionAsync(string id, CancellationToken ct = default)
    {
        await db.WebhookDeliveries.DeleteManyAsync(OfSubscription(id, null), ct);
        return (await db.WebhookSubscriptions.DeleteOneAsync(Subscription(id), ct)).DeletedCount == 1;
    }

    public Task<Page<WebhookDelivery>> ListDeliveriesAsync(string subscriptionId, string? after, int limit, CancellationToken ct = default) =>
        MongoPaging.ReadPageAsync(db.WebhookDeliveries, OfSubscription(subscriptionId, after), MongoPaging.By<WebhookDeliveryDocument>(d => d.Id),
            limit, d => d.ToDelivery(), d => d.Id, ct);

    /// <summary>Delivery by delivery: the redaction is code, which one multi-document update cannot run.</summary>
    public async Task<int> EraseCustomerAsync(string customerId, Func<string, string> redact, CancellationToken ct = default)
    {
        var documents = await db.WebhookDeliveries.Find(OfCustomer(customerId)).Project(d => new { d.Id, d.Payload }).ToListAsync(ct);
        var changed = 0;
        foreach (var document in documents)
        {
            var redacted = redact(document.Payload);
            if (redacted != document.Payload)
            {
                var result = await db.WebhookDeliveries.UpdateOneAsync(WithPayload(document.Id, document.Payload), SetPayload(redacted), cancellationToken: ct);
                changed += (int)result.ModifiedCount;
            }
        }
        return changed;
    }
}
