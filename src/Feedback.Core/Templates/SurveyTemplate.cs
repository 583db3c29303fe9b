using Feedback.Core.Common;
using Feedback.Core.FollowUps;

namespace Feedback.Core.Templates;

public enum TemplateStatus { Active, Archived }

/// <summary>A local time-of-day window (customer's time zone) in which surveys may be sent; may cross midnight.</summary>
public sealed record SendWindow(TimeOnly Start, TimeOnly End);

/// <summary>
/// The texts of a template in one locale; all but the reason labels may hold Liquid placeholders. <see cref="ReasonLabels"/>
/// are plain text keyed by reason code (<see cref="TemplateReasons"/>).
/// </summary>
public sealed record LocaleContent(
    string Subject,
    string Question,
    string? LowLabel = null,
    string? HighLabel = null,
    string? CommentPrompt = null,
    string? ThankYou = null,
    IReadOnlyDictionary<string, string>? ReasonLabels = null);

/// <summary>One version of a survey template. Durations keep the ISO-8601 text the client sent (<see cref="IsoDuration"/>).</summary>
public sealed record SurveyTemplate
{
    /// <summary>How long a survey can be answered when the template does not say.</summary>
    public static readonly IsoDuration DefaultExpiresAfter = IsoDuration.Parse("P30D");

    public required string Id { get; init; }
    public required int Version { get; init; }
    public required TemplateStatus Status { get; init; }
    public required string Name { get; init; }
    public required SurveyKind Kind { get; init; }
    public string? Trigger { get; init; }
    public IReadOnlyList<string> CancelOn { get; init; } = [];
    public IsoDuration Delay { get; init; } = IsoDuration.Zero;
    public IsoDuration? ReminderAfter { get; init; }
    public IsoDuration ExpiresAfter { get; init; } = DefaultExpiresAfter;
    public IsoDuration? QuietPeriod { get; init; }
    public double SampleRate { get; init; } = 1.0;
    public SendWindow? SendWindow { get; init; }
    public SurveyDelivery Delivery { get; init; } = SurveyDelivery.Email;
    /// <summary>Which answers open a follow-up; null: none do.</summary>
    public FollowUpPolicy? FollowUp { get; init; }
    /// <summary>The reasons asked for with a low score; null: none are asked.</summary>
    public TemplateReasons? Reasons { get; init; }
    public required string DefaultLocale { get; init; }
    public required IReadOnlyDictionary<string, LocaleContent> Content { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When a survey of this template sent at <paramref name="sentAt"/> is reminded (null: never) and expires.</summary>
    public (DateTimeOffset? ReminderAt, DateTimeOffset ExpiresAt) TimesAfterSending(DateTimeOffset sentAt) =>
        (ReminderAfter is { } reminder ? sentAt + reminder.TimeSpan : null, sentAt + ExpiresAfter.TimeSpan);

    /// <summary>The strong ETag of this version.</summary>
    public string ETag => $"\"{Version}\"";

    /// <summary>
    /// The scale labels shown with the content of <paramref name="contentLocale"/>: each label the locale lacks (absent or
    /// blank) is the default locale's, because a label in the default language tells the customer more than none.
    /// </summary>
    public (string? Low, string? High) LabelsFor(string contentLocale)
    {
        var own = Content.GetValueOrDefault(contentLocale);
        var fallback = Content.GetValueOrDefault(DefaultLocale);
        static string? Given(string? label) => string.IsNullOrWhiteSpace(label) ? null : label;
        return (Given(own?.LowLabel) ?? Given(fallback?.LowLabel), Given(own?.HighLabel) ?? Given(fallback?.HighLabel));
    }

    /// <summary>
    /// The reasons with their labels in <paramref name="contentLocale"/>, in the template's order: a code the locale does
    /// not label (absent or blank) has the default locale's label, which validation requires. Empty without reasons.
    /// </summary>
    public IReadOnlyList<(string Code, string Label)> ReasonLabelsFor(string contentLocale)
    {
        var own = Content.GetValueOrDefault(contentLocale)?.ReasonLabels;
        var fallback = Content.GetValueOrDefault(DefaultLocale)?.ReasonLabels;
        string Label(string code) =>
            own?.GetValueOrDefault(code) is { } label && !string.IsNullOrWhiteSpace(label) ? label
            : fallback?.GetValueOrDefault(code) is { } given && !string.IsNullOrWhiteSpace(given) ? given
            : code;
        return Reasons is null ? [] : [.. Reasons.Codes.Select(code => (code, Label(code)))];
    }

    /// <summary>Content for a customer locale: exact tag, then its language (<c>pl-PL</c> → <c>pl</c>), then the default.</summary>
    public (string Locale, LocaleContent Content) ContentFor(string? locale)
    {
        if (!string.IsNullOrEmpty(locale))
        {
            foreach (var candidate in Locales.Fallbacks(locale))
            {
                var hit = Content.FirstOrDefault(c => string.Equals(c.Key, candidate, StringComparison.OrdinalIgnoreCase));
                if (hit.Value is not null)
                {
                    return (hit.Key, hit.Value);
                }
            }
        }
        return (DefaultLocale, Content[DefaultLocale]);
    }
}
