namespace Feedback.Core.Delivery;

/// <summary>How the dispatcher claims and retries; set from <c>Feedback:Dispatch</c>.</summary>
public sealed record DispatchSettings
{
    /// <summary>Surveys claimed per round; they are sent in requests of at most the sender's <see cref="IEmailSender.MaxRecipientsPerRequest"/>.</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>How long a claim is owned; after it a crashed sender's surveys are claimed again.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a survey whose provider request had no recorded outcome (the process died during it) waits for the
    /// provider's event before it is sent again; null when sends are never ambiguous (the dev mailbox): nothing is recorded.
    /// </summary>
    public TimeSpan? ConfirmWindow { get; init; }

    /// <summary>Tries before a survey whose sends keep failing transiently becomes <c>failed</c>.</summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>Rounds per dispatch run, so one run cannot starve the scheduler thread.</summary>
    public int MaxRoundsPerRun { get; init; } = 100;

    /// <summary>Spreads retry times apart so replicas and batches failing together do not retry together (seeded in tests).</summary>
    public Random Jitter { get; init; } = Random.Shared;

    /// <summary>This process's name on leases (replicas must differ).</summary>
    public string Owner { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
}
