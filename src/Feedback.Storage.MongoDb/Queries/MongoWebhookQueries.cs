using Feedback.Core.Webhooks;
using Feedback.Storage.MongoDb.Documents;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb.Queries;

/// <summary>
/// The filters, updates and indexes of <c>webhookSubscriptions</c> and <c>webhookDeliveries</c>. Every outcome update
/// repeats the claim it expects (pending, this owner), so it is its own compare-and-set.
/// </summary>
internal static class MongoWebhookQueries
{
    private static FilterDefinitionBuilder<WebhookDeliveryDocument> Filter => Builders<WebhookDeliveryDocument>.Filter;
    private static UpdateDefinitionBuilder<WebhookDeliveryDocument> Update => Builders<WebhookDeliveryDocument>.Update;

    public static FilterDefinition<WebhookSubscriptionDocument> Subscription(string id) => Builders<WebhookSubscriptionDocument>.Filter.Eq(s => s.Id, id);

    public static FilterDefinition<WebhookSubscriptionDocument> SubscribedTo(string type) =>
        Builders<WebhookSubscriptionDocument>.Filter.AnyEq(s => s.Events, type);

    public static FilterDefinition<WebhookDeliveryDocument> Due(DateTimeOffset now) =>
        Filter.Eq(d => d.Status, WebhookDeliveryStatus.Pending) & Filter.Lte(d => d.NextAttemptAt, now);

    public static SortDefinition<WebhookDeliveryDocument> OldestDue() =>
        Builders<WebhookDeliveryDocument>.Sort.Ascending(d => d.NextAttemptAt).Ascending(d => d.Id);

    public static FilterDefinition<WebhookDeliveryDocument> Claimable(IEnumerable<string> ids, DateTimeOffset now) => Filter.In(d => d.Id, ids) & Due(now);

    public static UpdateDefinition<WebhookDeliveryDocument> Claim(string owner, DateTimeOffset leaseUntil) =>
        Update.Set(d => d.LeaseOwner, owner).Set(d => d.NextAttemptAt, leaseUntil);

    public static FilterDefinition<WebhookDeliveryDocument> ClaimedBy(IEnumerable<string> ids, string owner) =>
        Filter.In(d => d.Id, ids) & Filter.Eq(d => d.LeaseOwner, owner);

    public static FilterDefinition<WebhookDeliveryDocument> Owned(string id, string owner) =>
        Filter.Eq(d => d.Id, id) & Filter.Eq(d => d.Status, WebhookDeliveryStatus.Pending) & Filter.Eq(d => d.LeaseOwner, owner);

    public static UpdateDefinition<WebhookDeliveryDocument> Succeeded(int statusCode, DateTimeOffset at) => EndAttempt(Update
        .Set(d => d.Status, WebhookDeliveryStatus.Succeeded)
        .Set(d => d.LastStatusCode, statusCode)
        .Unset(d => d.LastError)
        .Set(d => d.DeliveredAt, at));

    public static UpdateDefinition<WebhookDeliveryDocument> Release(DateTimeOffset nextAttemptAt, int? statusCode, string error) => EndAttempt(
        StatusCode(Update.Set(d => d.NextAttemptAt, nextAttemptAt), statusCode).Set(d => d.LastError, error));

    public static UpdateDefinition<WebhookDeliveryDocument> Failed(int? statusCode, string error) => EndAttempt(
        StatusCode(Update.Set(d => d.Status, WebhookDeliveryStatus.Failed), statusCode).Set(d => d.LastError, error));

    public static FilterDefinition<WebhookDeliveryDocument> OfSubscription(string subscriptionId, string? after) =>
        Filter.Eq(d => d.SubscriptionId, subscriptionId) & MongoPaging.After<WebhookDeliveryDocument>(d => d.Id, after);

    public static FilterDefinition<WebhookDeliveryDocument> OfCustomer(string customerId) => Filter.Eq(d => d.CustomerId, customerId);

    /// <summary>Only if the payload is still the one that was read, so a concurrent change is not overwritten.</summary>
    public static FilterDefinition<WebhookDeliveryDocument> WithPayload(string id, string payload) =>
        Filter.Eq(d => d.Id, id) & Filter.Eq(d => d.Payload, payload);

    public static UpdateDefinition<WebhookDeliveryDocument> SetPayload(string payload) => Update.Set(d => d.Payload, payload);

    public static IReadOnlyList<CreateIndexModel<WebhookSubscriptionDocument>> SubscriptionIndexes { get; } =
    [
        new(Builders<WebhookSubscriptionDocument>.IndexKeys.Ascending(s => s.Events)),
    ];

    public static IReadOnlyList<CreateIndexModel<WebhookDeliveryDocument>> DeliveryIndexes { get; } =
    [
        // Claims: pending deliveries by next attempt.
        new(Builders<WebhookDeliveryDocument>.IndexKeys.Ascending(d => d.Status).Ascending(d => d.NextAttemptAt)),
        // A subscription's log, and its deletion.
        new(Builders<WebhookDeliveryDocument>.IndexKeys.Ascending(d => d.SubscriptionId).Ascending(d => d.Id)),
        // Erasure.
        new(Builders<WebhookDeliveryDocument>.IndexKeys.Ascending(d => d.CustomerId)),
    ];

    private static UpdateDefinition<WebhookDeliveryDocument> StatusCode(UpdateDefinition<WebhookDeliveryDocument> update, int? statusCode) =>
        statusCode is { } code ? update.Set(d => d.LastStatusCode, code) : update.Unset(d => d.LastStatusCode);

    private static UpdateDefinition<WebhookDeliveryDocument> EndAttempt(UpdateDefinition<WebhookDeliveryDocument> update) =>
        update.Inc(d => d.Attempts, 1).Unset(d => d.LeaseOwner);
}
