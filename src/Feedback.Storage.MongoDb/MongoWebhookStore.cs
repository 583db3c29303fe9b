using Feedback.Core.Common;
using Feedback.Core.Storage;
using Feedback.Core.Webhooks;
using Feedback.Storage.MongoDb.Documents;
using Feedback.Storage.MongoDb.Queries;
using MongoDB.Driver;
using static Feedback.Storage.MongoDb.Queries.MongoWebhookQueries;

namespace Feedback.Storage.MongoDb;

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

    public async Task EnqueueAsync(IReadOnlyList<WebhookDelivery> deliveries, CancellationToken ct = default)
    {
        if (deliveries.Count > 0)
        {
            await db.WebhookDeliveries.InsertManyAsync(deliveries.Select(WebhookDeliveryDocument.From), cancellationToken: ct);
        }
    }

    /// <summary>As the survey outbox: find due ids, claim them in one <c>UpdateMany</c> that re-checks each, read back this owner's.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(DateTimeOffset now, string owner, TimeSpan lease, int limit, CancellationToken ct = default)
    {
        var ids = await db.WebhookDeliveries.Find(Due(now)).Sort(OldestDue()).Limit(limit).Project(d => d.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return [];
        }
        await db.WebhookDeliveries.UpdateManyAsync(Claimable(ids, now), Claim(owner, now + lease), cancellationToken: ct);
        var claimed = await db.WebhookDeliveries.Find(ClaimedBy(ids, owner)).ToListAsync(ct);
        return claimed.Select(d => d.ToDelivery()).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    public Task<bool> MarkSucceededAsync(string id, string owner, int statusCode, DateTimeOffset at, CancellationToken ct = default) =>
        OwnedUpdateAsync(id, owner, Succeeded(statusCode, at), ct);

    public Task<bool> ReleaseAsync(string id, string owner, DateTimeOffset nextAttemptAt, int? statusCode, string error, CancellationToken ct = default) =>
        OwnedUpdateAsync(id, owner, Release(nextAttemptAt, statusCode, error), ct);

    public Task<bool> MarkFailedAsync(string id, string owner, int? statusCode, string error, CancellationToken ct = default) =>
        OwnedUpdateAsync(id, owner, Failed(statusCode, error), ct);

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

    private async Task<bool> OwnedUpdateAsync(string id, string owner, UpdateDefinition<WebhookDeliveryDocument> update, CancellationToken ct) =>
        (await db.WebhookDeliveries.UpdateOneAsync(Owned(id, owner), update, cancellationToken: ct)).ModifiedCount == 1;
}
