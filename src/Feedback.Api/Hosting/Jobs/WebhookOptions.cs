using System.ComponentModel.DataAnnotations;
using Feedback.Api.Features.Subscriptions;
using Feedback.Api.Features.ProviderEvents;

namespace Feedback.Api.Hosting.Jobs;

/// <summary>Section <c>Feedback:Webhooks</c>: outbound webhook delivery.</summary>
public sealed class WebhookOptions : IValidatableObject
{
    public const string SectionName = "Feedback:Webhooks";

    /// <summary>How often due deliveries are claimed and sent.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Deliveries claimed per round.</summary>
    [Range(1, 1000, ErrorMessage = "Feedback:Webhooks:BatchSize must be between 1 and 1000")]
    public int BatchSize { get; set; } = 100;

    /// <summary>Attempts before a delivery is marked failed.</summary>
    [Range(1, 100, ErrorMessage = "Feedback:Webhooks:MaxAttempts must be between 1 and 100")]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long one receiver may take to answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a claimed batch is owned; longer than a batch of timeouts would take.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Lets webhook URLs reach private, loopback and link-local addresses (off: a guard against SSRF).</summary>
    public bool AllowPrivateNetworks { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (key, value) in new[] { ("PollInterval", PollInterval), ("Timeout", Timeout), ("Lease", Lease) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return new ValidationResult($"Feedback:Webhooks:{key} must be a positive time span (e.g. 00:00:05)", [key]);
            }
        }
    }
}
