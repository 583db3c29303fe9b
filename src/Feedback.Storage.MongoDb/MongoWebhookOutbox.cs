using Feedback.Core.Storage;
using Feedback.Core.Webhooks;
using Feedback.Storage.MongoDb.Documents;
using MongoDB.Driver;
using static Feedback.Storage.MongoDb.Queries.MongoWebhookQueries;

namespace Feedback.Storage.MongoDb;

/// <summary>The webhook delivery outbox: every outcome update repeats the claim it expects, so each is its own compare-and-set.</summary>
internal sealed class MongoWebhookOutbox(MongoCollections db) : IWebhookOutbox
{
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

    private async Task<bool> OwnedUpdateAsync(string id, string owner, UpdateDefinition<WebhookDeliveryDocument> update, CancellationToken ct) =>
        (await db.WebhookDeliveries.UpdateOneAsync(Owned(id, owner), update, cancellationToken: ct)).ModifiedCount == 1;
}
