using System.ComponentModel.DataAnnotations;

namespace Feedback.Api.Features.Answers;

/// <summary>The customer pages (section <c>Feedback:Pages</c>).</summary>
public sealed class PagesOptions : IValidatableObject
{
    public const string SectionName = "Feedback:Pages";

    /// <summary>
    /// Origins that may frame the embed page <c>/s/{token}?embed=1</c>, separated by spaces
    /// (<c>https://shop.example.com https://help.example.com</c>), as its CSP <c>frame-ancestors</c>. One string, as CSP
    /// writes a source list, so one environment variable sets it. Empty (the default): no site may frame it.
    /// </summary>
    public string? FrameAncestors { get; set; }

    public IReadOnlyList<string> FrameAncestorOrigins =>
        [.. (FrameAncestors ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(o => o.TrimEnd('/'))];

    /// <summary>The CSP <c>frame-ancestors</c> source list of the embed page.</summary>
    public string FrameAncestorsSources => FrameAncestorOrigins.Count == 0 ? "'none'" : string.Join(' ', FrameAncestorOrigins);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in FrameAncestorOrigins)
        {
            // An origin alone: a path, a wildcard or a keyword would widen the list or break the header.
            if (!(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                && origin == uri.GetLeftPart(UriPartial.Authority)))
            {
                yield return new ValidationResult(
                    $"Feedback:Pages:FrameAncestors holds '{origin}', which is not an origin such as https://shop.example.com",
                    [nameof(FrameAncestors)]);
            }
        }
    }
}
