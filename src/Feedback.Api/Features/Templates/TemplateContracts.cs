using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Feedback.Api.Features.Surveys;
using Feedback.Core.Common;
using Feedback.Core.Delivery;
using Feedback.Core.FollowUps;
using Feedback.Core.Templates;

namespace Feedback.Api.Features.Templates;

[Description("Local time-of-day window (HH:mm, customer's time zone); may cross midnight (start 20:00, end 08:00).")]
public sealed record SendWindowDto(string? Start, string? End);

[Description("Answers with `score <= maxScore` (within the kind's scale) open a follow-up, due `due` (ISO-8601, e.g. PT24H) after the answer.")]
public sealed record FollowUpDto(int? MaxScore, string? Due)
{
    public static FollowUpDto? From(FollowUpPolicy? policy) => policy is null ? null : new(policy.MaxScore, policy.Due.Text);
}

public sealed record LocaleContentDto(
    string Subject,
    string Question,
    string? LowLabel = null,
    string? HighLabel = null,
    string? CommentPrompt = null,
    string? ThankYou = null,
    [property: Description("Plain-text label per reason code (not Liquid). A code this locale does not label shows the default locale's label; the default locale must label every code.")]
    IReadOnlyDictionary<string, string>? ReasonLabels = null)
{
    public static LocaleContentDto From(LocaleContent c) =>
        new(c.Subject, c.Question, c.LowLabel, c.HighLabel, c.CommentPrompt, c.ThankYou, c.ReasonLabels);

    public LocaleContent ToContent() => new(Subject, Question, LowLabel, HighLabel, CommentPrompt, ThankYou, ReasonLabels);
}

[Description("Reasons asked for with a low score: the thank-you page of an answer with score at most `maxScore` offers the codes as checkboxes, labelled by `content.<locale>.reasonLabels`. Codes are 1–50 lowercase letters, digits, '_' or '-', starting with a letter or digit.")]
public sealed record ReasonsDto(int? MaxScore, IReadOnlyList<string>? Codes)
{
    public static ReasonsDto? From(TemplateReasons? r) => r is null ? null : new(r.MaxScore, r.Codes);

    /// <summary>The reasons, also when a part is missing (the error named and settled), so the labels are still checked against the codes given.</summary>
    public TemplateReasons ToReasons(ValidationErrors errors)
    {
        foreach (var (field, missing) in new[] { ("reasons.maxScore", MaxScore is null), ("reasons.codes", Codes is null) })
        {
            if (missing)
            {
                errors.Add(field, "is required");
                errors.Settle(field);
            }
        }
        return new TemplateReasons(MaxScore ?? 0, Codes ?? []);
    }
}

[Description("A survey template. Durations are ISO-8601 (PT24H, P2D, P1W); years and months are refused. `delivery`: `email` (default) e-mails the survey; `link` sends no e-mail: the survey is sent at once and its answer links go back to the caller, who shows them (on a site, in a chat, by SMS).")]
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
    IReadOnlyDictionary<string, LocaleContentDto>? Content,
    SurveyDelivery? Delivery,
    FollowUpDto? FollowUp,
    ReasonsDto? Reasons = null)
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
        var delay = Delay is null ? IsoDuration.Zero : ParseDuration("delay", Delay, errors);
        var expiresAfter = ExpiresAfter is null ? SurveyTemplate.DefaultExpiresAfter : ParseDuration("expiresAfter", ExpiresAfter, errors);
        var reminderAfter = ReminderAfter is null ? null : ParseDuration("reminderAfter", ReminderAfter, errors);
        var quietPeriod = QuietPeriod is null ? null : ParseDuration("quietPeriod", QuietPeriod, errors);
        var followUp = ParseFollowUp(errors);
        var reasons = Reasons?.ToReasons(errors);
        if (errors.ToDictionary().ContainsKey("reasons"))
        {
            // reasons could not be read: without its codes, the labels cannot be checked against them.
            foreach (var locale in Content?.Keys ?? [])
            {
                errors.Settle($"content.{locale}.reasonLabels");
            }
        }
        var template = new SurveyTemplate
        {
            Id = id,
            Version = version,
            Status = TemplateStatus.Active,
            Name = Name?.Trim() ?? "",
            Kind = Kind ?? SurveyKind.Nps,
            Trigger = Trigger,
            CancelOn = CancelOn ?? [],
            Delay = delay ?? IsoDuration.Zero,
            // The reminder is checked against the expiry only when both parsed: a bad expiry is one error, not two.
            ReminderAfter = expiresAfter is null ? null : reminderAfter,
            ExpiresAfter = expiresAfter ?? IsoDuration.Zero,
            QuietPeriod = quietPeriod,
            SampleRate = SampleRate ?? 1.0,
            SendWindow = window,
            Delivery = Delivery ?? SurveyDelivery.Email,
            FollowUp = followUp,
            Reasons = reasons,
            DefaultLocale = DefaultLocale ?? "",
            Content = Content?.ToDictionary(c => c.Key, c => c.Value?.ToContent()!, StringComparer.Ordinal) ?? new Dictionary<string, LocaleContent>(),
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

    private FollowUpPolicy? ParseFollowUp(ValidationErrors errors)
    {
        if (FollowUp is null)
        {
            return null;
        }
        if (FollowUp.MaxScore is null)
        {
            errors.Add("followUp.maxScore", "is required");
        }
        var due = FollowUp.Due is null ? null : ParseDuration("followUp.due", FollowUp.Due, errors);
        if (FollowUp.Due is null)
        {
            errors.Add("followUp.due", "is required");
        }
        return FollowUp.MaxScore is { } maxScore && due is { } d ? new FollowUpPolicy(maxScore, d) : null;
    }

    private static IsoDuration? ParseDuration(string field, string text, ValidationErrors errors)
    {
        if (IsoDuration.TryParse(text, out var duration, out var error))
        {
            return duration;
        }
        errors.Add(field, error);
        return null;
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
    IReadOnlyDictionary<string, LocaleContentDto> Content,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    SurveyDelivery Delivery,
    FollowUpDto? FollowUp,
    ReasonsDto? Reasons)
{
    public static TemplateResponse From(SurveyTemplate t) => new(
        t.Id, t.Version, t.Status, t.Name, t.Kind, t.Trigger, t.CancelOn, t.Delay.Text, t.ReminderAfter?.Text, t.ExpiresAfter.Text, t.QuietPeriod?.Text,
        t.SampleRate, t.SendWindow is { } w ? new SendWindowDto(w.Start.ToString("HH:mm"), w.End.ToString("HH:mm")) : null,
        t.DefaultLocale, t.Content.ToDictionary(c => c.Key, c => LocaleContentDto.From(c.Value), StringComparer.Ordinal), t.CreatedAt, t.UpdatedAt,
        t.Delivery, FollowUpDto.From(t.FollowUp), ReasonsDto.From(t.Reasons));
}

public sealed record TemplateListResponse(IReadOnlyList<TemplateResponse> Items, string? NextCursor);

[Description("What to render the template's e-mail for. `locale` picks the content as for a customer of that locale (falling back to the default locale); `customer`, `subjectId` and `properties` fill the placeholders and are checked as on an event.")]
public sealed record PreviewTemplateRequest(
    string? Locale,
    CustomerDto? Customer,
    string? SubjectId,
    IReadOnlyDictionary<string, JsonElement>? Properties)
{
    public ValidationErrors Validate(out IReadOnlyDictionary<string, string> properties)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(Locale))
        {
            errors.Add("locale", "is required");
        }
        else if (!Locales.IsValid(Locale))
        {
            errors.Add("locale", "must be a language tag such as sk, pl-PL or he");
        }
        Customer?.Validate("customer", errors);
        if (SubjectId is not null)
        {
            CustomerDto.Required("subjectId", SubjectId, Ids.MaxLength, errors);
        }
        properties = PropertyValues.Parse(Properties, "properties", errors);
        return errors;
    }
}

[Description("The e-mail exactly as the renderer that sends would produce it. Its links carry the token `preview`, which answers nothing.")]
public sealed record TemplatePreviewResponse(
    [property: Description("The content locale used, after fallback.")] string Locale,
    [property: Description("`ltr` or `rtl`.")] string Dir,
    string Subject,
    string Html,
    string Text)
{
    public static TemplatePreviewResponse From(EmailPreview preview) =>
        new(preview.Locale, preview.RightToLeft ? "rtl" : "ltr", preview.Subject, preview.Html, preview.Text);
}
