using System.ComponentModel.DataAnnotations;

namespace Feedback.Api.Hosting.Jobs;

/// <summary>Section <c>Feedback:Dispatch</c>: how often and how much the Quartz jobs work.</summary>
public sealed class DispatchOptions : IValidatableObject
{
    public const string SectionName = "Feedback:Dispatch";

    /// <summary>How often due surveys are claimed (also reminders).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Surveys claimed per round.</summary>
    [Range(1, 10_000, ErrorMessage = "Feedback:Dispatch:BatchSize must be between 1 and 10000")]
    public int BatchSize { get; set; } = 1000;

    /// <summary>How long a claim is owned before another replica may take the survey over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a survey whose SendGrid request was in flight when its process died waits for SendGrid's Event Webhook to
    /// confirm it before it is sent again (docs/decisions.md, Reliability).
    /// </summary>
    public TimeSpan ConfirmWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Transient failures before a survey is marked failed.</summary>
    [Range(1, 100, ErrorMessage = "Feedback:Dispatch:MaxAttempts must be between 1 and 100")]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Seeds the retry jitter of surveys and webhooks so a run can be replayed (tests); unset, the jitter is random.</summary>
    public int? JitterSeed { get; set; }

    /// <summary>How often expiry and retention run.</summary>
    public TimeSpan HousekeepingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an event id is remembered for idempotency.</summary>
    public TimeSpan EventRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long cancelled, expired, suppressed and failed surveys are kept.</summary>
    public TimeSpan SurveyRetention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>A jitter source of its own for each worker: a seeded <see cref="Random"/> is not safe to share between threads.</summary>
    public Random NewJitter() => JitterSeed is { } seed ? new Random(seed) : Random.Shared;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (key, value) in new[]
        {
            ("PollInterval", PollInterval), ("Lease", Lease), ("ConfirmWindow", ConfirmWindow), ("HousekeepingInterval", HousekeepingInterval),
            ("EventRetention", EventRetention), ("SurveyRetention", SurveyRetention),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return new ValidationResult($"Feedback:Dispatch:{key} must be a positive time span (e.g. 00:00:05)", [key]);
            }
        }
    }
}
