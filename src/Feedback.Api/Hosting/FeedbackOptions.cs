using System.ComponentModel.DataAnnotations;
using Feedback.Api.Hosting.OpenApi;
using Feedback.Api.Features.Operations;
using Feedback.Api.Hosting.Telemetry;

namespace Feedback.Api.Hosting;

/// <summary>Service-wide settings (section <c>Feedback</c>).</summary>
public sealed class FeedbackOptions : IValidatableObject
{
    public const string SectionName = "Feedback";

    /// <summary>Base of the links put into e-mails; the listening URL when empty.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Largest request body accepted, in bytes (413 above it).</summary>
    [Range(typeof(long), "1024", "67108864", ErrorMessage = "Feedback:MaxRequestBodyBytes must be between 1024 and 67108864")]
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(PublicBaseUrl)
            && !(Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            yield return new ValidationResult("Feedback:PublicBaseUrl must be an absolute http(s) URL", [nameof(PublicBaseUrl)]);
        }
    }
}
