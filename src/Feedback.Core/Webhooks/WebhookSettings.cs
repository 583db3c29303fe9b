namespace Feedback.Core.Webhooks;

/// <summary>How the deliverer works (bound from the host's options).</summary>
public sealed record WebhookSettings
{
    public int BatchSize { get; init; } = 100;
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>Attempts before a delivery ends failed.</summary>
    public int MaxAttempts { get; init; } = 8;
}
