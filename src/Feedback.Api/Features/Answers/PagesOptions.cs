using System.ComponentModel.DataAnnotations;

namespace Feedback.Api.Features.Answers;

/// <summary>The customer pages (section <c>Feedback:Pages</c>).</summary>
public sealed class PagesOptions : IValidatableObject
{
    public const string SectionName = "Feedback:Pages";

    /// <summary>
    /// Origins (<c>https://shop.example.com</c>) that may frame the embed page <c>/s/{token}?embed=1</c>, as its CSP
    /// <c>frame-ancestors</c>; empty (the default): no site may frame it.
    /// </summary>
    public string[] FrameAncestors { get; set; } = [];

    /// <summary>The CSP <c>frame-ancestors</c> source list of the embed page.</summary>
    public string FrameAncestorsSources => FrameAncestors.Length == 0 ? "'none'" : string.Join(' ', FrameAncestors);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in FrameAncestors)
        {
            // An origin alone: a path, a wildcard or a keyword would widen the list or break the header.
            if (!(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                && origin.TrimEnd('/') == uri.GetLeftPart(UriPartial.Authority)))
            {
                yield return new ValidationResult(
                    $"Feedback:Pages:FrameAncestors holds '{origin}', which is not an origin such as https://shop.example.com",
                    [nameof(FrameAncestors)]);
            }
        }
    }
}
