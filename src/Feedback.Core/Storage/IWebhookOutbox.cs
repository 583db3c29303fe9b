using Feedback.Core.Webhooks;

namespace Feedback.Core.Storage;

/// <summary>
/// The durable outbox of webhook deliveries: enqueued when an event happens, claimed under a lease, and ended by the
/// claim's owner. Each outcome names the owner and changes only a delivery it still holds (pending, its claim), so an
/// attempt whose lease another claimer took over cannot overwrite that claimer's result.
/// </summary>
public interface IWebhookOutbox
{
    /// <summary>Adds new pending deliveries, each due at its <c>nextAttemptAt</c>.</summary>
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
}
