using Feedback.Core.Common;

namespace Feedback.Core.Templates;

public enum TemplateStatus { Active, Archived }

/// <summary>A local time-of-day window (customer's time zone) in which surveys may be sent; may cross midnight.</summary>
public sealed record SendWindow(TimeOnly Start, TimeOnly End);

/// <summary>The texts of a template in one locale; all may hold Liquid placeholders.</summary>
public sealed record LocaleContent(
    string Subject,
    string Question,
    string? LowLabel = null,
    string? HighLabel = null,
    string? CommentPrompt = null,
    string? ThankYou = null);

/// <summary>
/// One version of a survey template. Durations are kept as the ISO-8601 text the client sent
/// (validated by <see cref="TemplateValidator"/>); use the <c>*Span</c> properties for arithmetic.
/// </summary>
public sealed record SurveyTemplate
{
    public required string Id { get; init; }
    public required int Version { get; init; }
    public required TemplateStatus Status { get; init; }
    public required string Name { get; init; }
    public required SurveyKind Kind { get; init; }
    public string? Trigger { get; init; }
    public IReadOnlyList<string> CancelOn { get; init; } = [];
    public string Delay { get; init; } = "PT0S";
    public string? ReminderAfter { get; init; }
    public string ExpiresAfter { get; init; } = "P30D";
    public string? QuietPeriod { get; init; }
    public double SampleRate { get; init; } = 1.0;
    public SendWindow? SendWindow { get; init; }
    public required string DefaultLocale { get; init; }
    public required IReadOnlyDictionary<string, LocaleContent> Content { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public TimeSpan DelaySpan => Iso8601Duration.Parse(Delay);
    public TimeSpan ExpiresAfterSpan => Iso8601Duration.Parse(ExpiresAfter);
    public TimeSpan? ReminderAfterSpan => ReminderAfter is null ? null : Iso8601Duration.Parse(ReminderAfter);
    public TimeSpan? QuietPeriodSpan => QuietPeriod is null ? null : Iso8601Duration.Parse(QuietPeriod);

    /// <summary>When a survey of this template sent at <paramref name="sentAt"/> is reminded (null: never) and expires.</summary>
    public (DateTimeOffset? ReminderAt, DateTimeOffset ExpiresAt) TimesAfterSending(DateTimeOffset sentAt) =>
        (ReminderAfterSpan is { } reminder ? sentAt + reminder : null, sentAt + ExpiresAfterSpan);

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
