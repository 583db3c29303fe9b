namespace Feedback.Core.Webhooks;

public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its first or next attempt (<see cref="WebhookDelivery.NextAttemptAt"/>), or being attempted under a lease.</summary>
    Pending,
    Succeeded,
    /// <summary>Gave up after the last allowed attempt.</summary>
    Failed,
}

/// <summary>
/// One event for one subscription, in the outbox until the receiver answers 2xx or the attempts run out. <see cref="Payload"/>
/// is the exact JSON body that is signed and sent; <see cref="CustomerId"/> finds it again for erasure.
/// </summary>
public sealed record WebhookDelivery
{
    public required string Id { get; init; }
    public required string SubscriptionId { get; init; }
    public required string Type { get; init; }
    public required string Payload { get; init; }
    public string? CustomerId { get; init; }
    public WebhookDeliveryStatus Status { get; init; } = WebhookDeliveryStatus.Pending;
    public int Attempts { get; init; }
    public required DateTimeOffset NextAttemptAt { get; init; }
    public int? LastStatusCode { get; init; }
    public string? LastError { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
}
