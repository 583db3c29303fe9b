namespace Feedback.Core.Webhooks;

/// <summary>How the deliverer works; the host sets every value from its options, the only place they default.</summary>
public sealed record WebhookSettings
{
    /// <summary>Deliveries claimed per round.</summary>
    public required int BatchSize { get; init; }

    /// <summary>How long a claimed batch is owned.</summary>
    public required TimeSpan Lease { get; init; }

    /// <summary>Attempts before a delivery ends failed.</summary>
    public required int MaxAttempts { get; init; }

    /// <summary>Spreads retry times apart so deliveries failing together do not retry together (seeded in tests).</summary>
    public required Random Jitter { get; init; }
}
