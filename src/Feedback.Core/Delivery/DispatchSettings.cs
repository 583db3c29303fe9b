namespace Feedback.Core.Delivery;

/// <summary>How the dispatcher claims and retries; the host sets every value from its options, the only place they default.</summary>
public sealed record DispatchSettings
{
    /// <summary>Surveys claimed per round; they are sent in requests of at most the sender's <see cref="IEmailSender.MaxRecipientsPerRequest"/>.</summary>
    public required int BatchSize { get; init; }

    /// <summary>How long a claim is owned; after it a crashed sender's surveys are claimed again.</summary>
    public required TimeSpan Lease { get; init; }

    /// <summary>
    /// How long a survey whose provider request had no recorded outcome (the process died during it) waits for the
    /// provider's event before it is sent again; null when sends are never ambiguous (the dev mailbox): nothing is recorded.
    /// </summary>
    public required TimeSpan? ConfirmWindow { get; init; }

    /// <summary>Tries before a survey whose sends keep failing transiently becomes <c>failed</c>.</summary>
    public required int MaxAttempts { get; init; }

    /// <summary>Spreads retry times apart so replicas and batches failing together do not retry together (seeded in tests).</summary>
    public required Random Jitter { get; init; }

    /// <summary>Rounds per dispatch run, so one run cannot starve the scheduler thread.</summary>
    public int MaxRoundsPerRun { get; init; } = 100;

    /// <summary>This process's name on leases (replicas must differ).</summary>
    public string Owner { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
}
