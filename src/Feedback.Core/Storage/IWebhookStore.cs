using Feedback.Core.Common;
using Feedback.Core.Webhooks;

namespace Feedback.Core.Storage;

/// <summary>Webhook subscriptions and their durable delivery outbox.</summary>
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

    Task EnqueueAsync(IReadOnlyList<WebhookDelivery> deliveries, CancellationToken ct = default);

    /// <summary>
    /// Claims pending deliveries whose <c>nextAttemptAt</c> ≤ <paramref name="now"/>, oldest first, for <paramref name="owner"/>
    /// (unique per claim): <c>nextAttemptAt</c> moves to the lease end, so a claimer that dies leaves them due again then.
    /// </summary>
    Task<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(DateTimeOffset now, string owner, TimeSpan lease, int limit, CancellationToken ct = default);

    /// <summary>The owner's attempt succeeded; false when the claim was lost (another owner took it over).</summary>
    Task<bool> MarkSucceededAsync(string id, string owner, int statusCode, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>The owner's attempt failed and is tried again at <paramref name="nextAttemptAt"/>.</summary>
    Task<bool> ReleaseAsync(string id, string owner, DateTimeOffset nextAttemptAt, int? statusCode, string error, CancellationToken ct = default);

    /// <summary>The owner's last allowed attempt failed: the delivery ends failed.</summary>
    Task<bool> MarkFailedAsync(string id, string owner, int? statusCode, string error, CancellationToken ct = default);

    /// <summary>A subscription's deliveries ordered by id (oldest first), paged by cursor.</summary>
    Task<Page<WebhookDelivery>> ListDeliveriesAsync(string subscriptionId, string? after, int limit, CancellationToken ct = default);

    /// <summary>
    /// Rewrites the payloads of the customer's deliveries with <paramref name="redact"/>; returns how many changed (a
    /// repeat returns 0, as <paramref name="redact"/> leaves an erased payload as it is).
    /// </summary>
    Task<int> EraseCustomerAsync(string customerId, Func<string, string> redact, CancellationToken ct = default);
}
