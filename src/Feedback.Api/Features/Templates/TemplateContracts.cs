using System.ComponentModel;
using System.Globalization;
using Feedback.Core.Common;
using Feedback.Core.Templates;

namespace Feedback.Api.Features.Templates;

[Description("Local time-of-day window (HH:mm, customer's time zone); may cross midnight (start 20:00, end 08:00).")]
public sealed record SendWindowDto(string? Start, string? End);

[Description("A survey template. Durations are ISO-8601 (PT24H, P2D, P1W); years and months are refused.")]
public sealed record TemplateRequest(
    string? Name,
    SurveyKind? Kind,
    string? Trigger,
    IReadOnlyList<string>? CancelOn,
    string? Delay,
    string? ReminderAfter,
    string? ExpiresAfter,
    string? QuietPeriod,
    double? SampleRate,
    SendWindowDto? SendWindow,
    string? DefaultLocale,
    IReadOnlyDictionary<string, LocaleContent>? Content)
{
    /// <summary>
    /// Builds the template this request describes, or the errors per field (shape and domain rules together), added to
    /// <paramref name="errors"/>, which holds the body's type errors.
    /// </summary>
    public TemplateBuilder ToTemplate(ValidationErrors errors) => (id, version, createdAt, now) => ToTemplate(id, version, createdAt, now, errors);

    private (SurveyTemplate? Template, ValidationErrors Errors) ToTemplate(
        string id, int version, DateTimeOffset createdAt, DateTimeOffset now, ValidationErrors errors)
    {
        if (Kind is null)
        {
            errors.Add("kind", "is required (nps, csat or ces)");
        }
        var window = ParseWindow(errors);
        var template = new SurveyTemplate
        {
            Id = id,
            Version = version,
            Status = TemplateStatus.Active,
            Name = Name?.Trim() ?? "",
            Kind = Kind ?? SurveyKind.Nps,
            Trigger = Trigger,
            CancelOn = CancelOn ?? [],
            Delay = Delay ?? "PT0S",
            ReminderAfter = ReminderAfter,
            ExpiresAfter = ExpiresAfter ?? "P30D",
            QuietPeriod = QuietPeriod,
            SampleRate = SampleRate ?? 1.0,
            SendWindow = window,
            DefaultLocale = DefaultLocale ?? "",
            Content = Content ?? new Dictionary<string, LocaleContent>(),
            CreatedAt = createdAt,
            UpdatedAt = now,
        };
        errors.AddRange(TemplateValidator.Validate(template));
        return errors.IsValid ? (template, errors) : (null, errors);
    }

    private SendWindow? ParseWindow(ValidationErrors errors)
    {
        if (SendWindow is null)
        {
            return null;
        }
        var start = ParseTime("sendWindow.start", SendWindow.Start, errors);
        var end = ParseTime("sendWindow.end", SendWindow.End, errors);
        return start is { } s && end is { } e ? new SendWindow(s, e) : null;
    }

    private static TimeOnly? ParseTime(string field, string? text, ValidationErrors errors)
    {
        if (TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        errors.Add(field, "must be a time of day as HH:mm (00:00–23:59)");
        return null;
    }
}

public sealed record TemplateResponse(
    string Id,
    int Version,
    TemplateStatus Status,
    string Name,
    SurveyKind Kind,
    string? Trigger,
    IReadOnlyList<string> CancelOn,
    string Delay,
    string? ReminderAfter,
    string ExpiresAfter,
    string? QuietPeriod,
    double SampleRate,
    SendWindowDto? SendWindow,
    string DefaultLocale,
    IReadOnlyDictionary<string, LocaleContent> Content,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static TemplateResponse From(SurveyTemplate t) => new(
        t.Id, t.Version, t.Status, t.Name, t.Kind, t.Trigger, t.CancelOn, t.Delay, t.ReminderAfter, t.ExpiresAfter, t.QuietPeriod,
        t.SampleRate, t.SendWindow is { } w ? new SendWindowDto(w.Start.ToString("HH:mm"), w.End.ToString("HH:mm")) : null,
        t.DefaultLocale, t.Content, t.CreatedAt, t.UpdatedAt);
}

public sealed record TemplateList(IReadOnlyList<TemplateResponse> Items, string? NextCursor);
