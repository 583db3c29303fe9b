using Feedback.Core.Common;
using Feedback.Core.Webhooks;

namespace Feedback.Core.Storage;

/// <summary>
/// Webhook subscriptions, the log of their deliveries, and erasure from it. Sending the deliveries is
/// <see cref="IWebhookOutbox"/>'s; both are views of the same deliveries, so deleting a subscription here removes its
/// pending ones from the outbox too.
/// </summary>
public interface IWebhookStore
{
    Task AddSubscriptionAsync(WebhookSubscription subscription, CancellationToken ct = default);

    Task<WebhookSubscription?> GetSubscriptionAsync(string id, CancellationToken ct = default);

    /// <summary>Subscriptions ordered by id, paged by cursor (<paramref name="after"/> = last id of the previous page).</summary>
    Task<Page<WebhookSubscription>> ListSubscriptionsAsync(string? after, int limit, CancellationToken ct = default);

    /// <summary>Every subscription that lists <paramref name="type"/>, ordered by id (the score filter is the caller's).</summary>
    Task<IReadOnlyList<WebhookSubscription>> SubscribersAsync(string type, CancellationToken ct = default);

    /// <summary>Removes the subscription and its deliveries (pending ones are never sent); false when it did not exist.</summary>
    Task<bool> DeleteSubscriptionAsync(string id, CancellationToken ct = default);

    /// <summary>A subscription's deliveries ordered by id (oldest first), paged by cursor.</summary>
    Task<Page<WebhookDelivery>> ListDeliveriesAsync(string subscriptionId, string? after, int limit, CancellationToken ct = default);

    /// <summary>
    /// Rewrites the payloads of the customer's deliveries with <paramref name="redact"/>; returns how many changed (a
    /// repeat returns 0, as <paramref name="redact"/> leaves an erased payload as it is).
    /// </summary>
    Task<int> EraseCustomerAsync(string customerId, Func<string, string> redact, CancellationToken ct = default);
}
