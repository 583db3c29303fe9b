using Feedback.Core.Common;
using Feedback.Core.Storage;

namespace Feedback.Core.Webhooks;

/// <summary>
/// The subscriptions per event type, as <see cref="WebhookPublisher"/> needs them for every answer, kept in this process
/// for <see cref="Ttl"/>; an event type nobody subscribes to is kept too (as an empty list), the usual case. Subscription
/// writes go through here (<see cref="AddAsync"/>, <see cref="DeleteAsync"/>), so this replica sees them at once;
/// another replica sees them within <see cref="Ttl"/>.
/// </summary>
public sealed class WebhookSubscribers(IWebhookStore store, TimeProvider time)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(5);

    // Event types are Core's own (WebhookEvents.All), so this stays small; the bound is only a guard.
    private readonly ExpiringCache<IReadOnlyList<WebhookSubscription>> _byType = new(Ttl, maxEntries: 1_000, time);

    /// <summary>Every subscription that lists <paramref name="type"/>, ordered by id (the score filter is the caller's).</summary>
    public async Task<IReadOnlyList<WebhookSubscription>> ForEventAsync(string type, CancellationToken ct = default) =>
        (await _byType.GetOrReadAsync(type, (store, type), static (s, ct) => s.store.SubscribersAsync(s.type, ct)!, ct))!;

    public async Task AddAsync(WebhookSubscription subscription, CancellationToken ct = default)
    {
        await store.AddSubscriptionAsync(subscription, ct);
        _byType.Clear();
    }

    /// <summary>Removes the subscription and its pending deliveries; false when it did not exist.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken ct = default)
    {
        var deleted = await store.DeleteSubscriptionAsync(id, ct);
        _byType.Clear();
        return deleted;
    }
}
