namespace Feedback.Core.Delivery;

public enum SendResult
{
    /// <summary>The provider took the whole batch.</summary>
    Accepted,
    /// <summary>A transient failure (429, 5xx, timeout, connection): try the batch again later.</summary>
    RetryLater,
    /// <summary>The provider refused the batch (4xx other than 429): trying again will not help.</summary>
    Rejected,
}

/// <summary>What happened to a batch; <see cref="RetryAfter"/> is the provider's wish (429 Retry-After) when it gave one.</summary>
public sealed record SendOutcome(SendResult Result, string? Reason = null, TimeSpan? RetryAfter = null)
{
    public static readonly SendOutcome Accepted = new(SendResult.Accepted);
}

/// <summary>The e-mail sender port: SendGrid in production, the dev mailbox when no API key is set.</summary>
public interface IEmailSender
{
    /// <summary>The most recipients one batch (one provider request) may hold; callers chunk by it.</summary>
    int MaxRecipientsPerRequest { get; }

    /// <summary>
    /// Sends a batch of at most <see cref="MaxRecipientsPerRequest"/> recipients (a larger one throws
    /// <see cref="ArgumentException"/>); never throws for provider failures (they are outcomes).
    /// </summary>
    Task<SendOutcome> SendAsync(EmailBatch batch, CancellationToken ct = default);
}
