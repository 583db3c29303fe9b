using System.Globalization;
using Feedback.Core.Common;
using Feedback.Core.FollowUps;
using Feedback.Core.Templates;

namespace Feedback.Storage.MongoDb.Documents;

/// <summary>The current version of a template (collection <c>templates</c>); durations stay ISO-8601 text as in the domain.</summary>
internal sealed class TemplateDocument
{
    public required string Id { get; init; }
    public required int Version { get; init; }
    public required TemplateStatus Status { get; init; }
    public required string Name { get; init; }
    public required SurveyKind Kind { get; init; }
    public string? Trigger { get; init; }
    public List<string> CancelOn { get; init; } = [];
    public required string Delay { get; init; }
    public string? ReminderAfter { get; init; }
    public required string ExpiresAfter { get; init; }
    public string? QuietPeriod { get; init; }
    public double SampleRate { get; init; }
    public SendWindowDocument? SendWindow { get; init; }
    /// <summary>Absent in documents written before link surveys: they read as e-mail.</summary>
    public SurveyDelivery Delivery { get; init; } = SurveyDelivery.Email;
    /// <summary>Absent in documents written before follow-ups, and when the template opens none.</summary>
    public FollowUpPolicyDocument? FollowUp { get; init; }
    /// <summary>Absent in documents written before reasons, and when the template asks none.</summary>
    public ReasonsDocument? Reasons { get; init; }
    public required string DefaultLocale { get; init; }
    /// <summary>Keyed by locale tag; tags never hold '.' or '$' (validated), so they are safe element names.</summary>
    public Dictionary<string, LocaleContentDocument> Content { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public static TemplateDocument From(SurveyTemplate t) => new()
    {
        Id = t.Id,
        Version = t.Version,
        Status = t.Status,
        Name = t.Name,
        Kind = t.Kind,
        Trigger = t.Trigger,
        CancelOn = [.. t.CancelOn],
        Delay = t.Delay.Text,
        ReminderAfter = t.ReminderAfter?.Text,
        ExpiresAfter = t.ExpiresAfter.Text,
        QuietPeriod = t.QuietPeriod?.Text,
        SampleRate = t.SampleRate,
        SendWindow = t.SendWindow is { } w ? new SendWindowDocument { Start = SendWindowDocument.Format(w.Start), End = SendWindowDocument.Format(w.End) } : null,
        Delivery = t.Delivery,
        FollowUp = t.FollowUp is { } f ? new FollowUpPolicyDocument { MaxScore = f.MaxScore, Due = f.Due.Text } : null,
        Reasons = t.Reasons is { } r ? new ReasonsDocument { MaxScore = r.MaxScore, Codes = [.. r.Codes] } : null,
        DefaultLocale = t.DefaultLocale,
        Content = t.Content.ToDictionary(c => c.Key, c => LocaleContentDocument.From(c.Value), StringComparer.Ordinal),
        CreatedAt = t.CreatedAt,
        UpdatedAt = t.UpdatedAt,
    };

    public SurveyTemplate ToTemplate() => new()
    {
        Id = Id,
        Version = Version,
        Status = Status,
        Name = Name,
        Kind = Kind,
        Trigger = Trigger,
        CancelOn = CancelOn,
        Delay = IsoDuration.Parse(Delay),
        ReminderAfter = ReminderAfter is null ? null : IsoDuration.Parse(ReminderAfter),
        ExpiresAfter = IsoDuration.Parse(ExpiresAfter),
        QuietPeriod = QuietPeriod is null ? null : IsoDuration.Parse(QuietPeriod),
        SampleRate = SampleRate,
        SendWindow = SendWindow is { } w ? new SendWindow(SendWindowDocument.Parse(w.Start), SendWindowDocument.Parse(w.End)) : null,
        Delivery = Delivery,
        FollowUp = FollowUp is { } f ? new FollowUpPolicy(f.MaxScore, IsoDuration.Parse(f.Due)) : null,
        Reasons = Reasons is { } r ? new TemplateReasons(r.MaxScore, r.Codes) : null,
        DefaultLocale = DefaultLocale,
        Content = Content.ToDictionary(c => c.Key, c => c.Value.ToContent(), StringComparer.Ordinal),
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
    };
}

/// <summary>Times of day as <c>HH:mm:ss</c> text (fractions only when present): readable in the shell, exact, and sortable.</summary>
internal sealed class SendWindowDocument
{
    private const string Pattern = "HH':'mm':'ss.FFFFFFF";

    public required string Start { get; init; }
    public required string End { get; init; }

    public static string Format(TimeOnly time) => time.ToString(Pattern, CultureInfo.InvariantCulture);

    public static TimeOnly Parse(string text) => TimeOnly.ParseExact(text, Pattern, CultureInfo.InvariantCulture);
}

internal sealed class FollowUpPolicyDocument
{
    public required int MaxScore { get; init; }
    public required string Due { get; init; }
}

internal sealed class ReasonsDocument
{
    public required int MaxScore { get; init; }
    public List<string> Codes { get; init; } = [];
}

internal sealed class LocaleContentDocument
{
    public required string Subject { get; init; }
    public required string Question { get; init; }
    public string? LowLabel { get; init; }
    public string? HighLabel { get; init; }
    public string? CommentPrompt { get; init; }
    public string? ThankYou { get; init; }
    /// <summary>Keyed by reason code; codes are lowercase letters, digits, '_' and '-' (validated), safe element names.</summary>
    public Dictionary<string, string>? ReasonLabels { get; init; }

    public static LocaleContentDocument From(LocaleContent c) => new()
    {
        Subject = c.Subject, Question = c.Question, LowLabel = c.LowLabel, HighLabel = c.HighLabel, CommentPrompt = c.CommentPrompt, ThankYou = c.ThankYou,
        ReasonLabels = c.ReasonLabels?.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal),
    };

    public LocaleContent ToContent() => new(Subject, Question, LowLabel, HighLabel, CommentPrompt, ThankYou, ReasonLabels);
}

/// <summary>One immutable version of a template (collection <c>templateVersions</c>); <c>_id</c> is <c>{templateId}@{version}</c>.</summary>
internal sealed class TemplateVersionDocument
{
    public required string Id { get; init; }
    public required string TemplateId { get; init; }
    public required int Version { get; init; }
    public required TemplateDocument Template { get; init; }

    public static string IdOf(string templateId, int version) => $"{templateId}@{version.ToString(CultureInfo.InvariantCulture)}";

    public static TemplateVersionDocument From(TemplateDocument template) => new()
    {
        Id = IdOf(template.Id, template.Version), TemplateId = template.Id, Version = template.Version, Template = template,
    };
}
