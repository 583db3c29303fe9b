using System.Text.RegularExpressions;
using Feedback.Core.Common;
using Fluid;

namespace Feedback.Core.Templates;

/// <summary>Domain rules of a template (beyond JSON shape and the duration syntax <see cref="IsoDuration"/> owns): a reminder before the expiry, the follow-up's score and due time, locales, Liquid syntax, ranges.</summary>
public static partial class TemplateValidator
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 2000;
    public const int MaxLocales = 100;
    public const int MaxCancelOn = 20;

    private static readonly FluidParser Liquid = new();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex EventType();

    public static bool IsValidEventType(string? type) => type is not null && EventType().IsMatch(type);

    public static ValidationErrors Validate(SurveyTemplate template)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(template.Name))
        {
            errors.Add("name", "is required");
        }
        else if (template.Name.Length > MaxNameLength)
        {
            errors.Add("name", $"must be at most {MaxNameLength} characters");
        }
        if (template.Trigger is not null && !IsValidEventType(template.Trigger))
        {
            errors.Add("trigger", "must be an event type of letters, digits and . _ : - (at most 100), or null");
        }
        ValidateCancelOn(template.CancelOn, errors);
        // Durations are valid by type (IsoDuration); a text that did not parse was refused where it was read.
        if (template.ReminderAfter is { } reminder && reminder.TimeSpan >= template.ExpiresAfter.TimeSpan)
        {
            errors.Add("reminderAfter", "must be shorter than expiresAfter");
        }
        if (double.IsNaN(template.SampleRate) || template.SampleRate is < 0 or > 1)
        {
            errors.Add("sampleRate", "must be between 0 and 1");
        }
        if (template.SendWindow is { } window && window.Start == window.End)
        {
            errors.Add("sendWindow", "start and end must differ");
        }
        ValidateFollowUp(template, errors);
        ValidateContent(template, errors);
        return errors;
    }

    private static void ValidateFollowUp(SurveyTemplate template, ValidationErrors errors)
    {
        if (template.FollowUp is not { } followUp)
        {
            return;
        }
        if (!template.Kind.IsValidScore(followUp.MaxScore))
        {
            var (min, max) = template.Kind.Range();
            errors.Add("followUp.maxScore", $"must be between {min} and {max} for a {template.Kind.ToString().ToLowerInvariant()} template");
        }
        if (followUp.Due.TimeSpan <= TimeSpan.Zero)
        {
            errors.Add("followUp.due", "must be longer than zero");
        }
    }

    private static void ValidateCancelOn(IReadOnlyList<string> cancelOn, ValidationErrors errors)
    {
        if (cancelOn.Count > MaxCancelOn)
        {
            errors.Add("cancelOn", $"must have at most {MaxCancelOn} event types");
        }
        for (var i = 0; i < cancelOn.Count; i++)
        {
            if (!IsValidEventType(cancelOn[i]))
            {
                errors.Add($"cancelOn[{i}]", "must be an event type of letters, digits and . _ : - (at most 100)");
            }
        }
    }

    private static void ValidateContent(SurveyTemplate template, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(template.DefaultLocale))
        {
            errors.Add("defaultLocale", "is required");
        }
        else if (!Locales.IsValid(template.DefaultLocale))
        {
            errors.Add("defaultLocale", "must be a language tag such as en, sk or pt-BR");
        }
        if (template.Content.Count == 0)
        {
            errors.Add("content", "is required, with an entry for defaultLocale");
        }
        else if (Locales.IsValid(template.DefaultLocale) && !template.Content.ContainsKey(template.DefaultLocale))
        {
            errors.Add("content", $"must have an entry for the default locale '{template.DefaultLocale}'");
        }
        if (template.Content.Count > MaxLocales)
        {
            errors.Add("content", $"must have at most {MaxLocales} locales");
        }
        foreach (var (locale, content) in template.Content)
        {
            var prefix = $"content.{locale}";
            if (!Locales.IsValid(locale))
            {
                errors.Add(prefix, "key must be a language tag such as en, sk or pt-BR");
            }
            if (content is null)
            {
                errors.Add(prefix, "is required");
                continue;
            }
            ValidateText($"{prefix}.subject", content.Subject, required: true, errors);
            ValidateText($"{prefix}.question", content.Question, required: true, errors);
            ValidateText($"{prefix}.lowLabel", content.LowLabel, required: false, errors);
            ValidateText($"{prefix}.highLabel", content.HighLabel, required: false, errors);
            ValidateText($"{prefix}.commentPrompt", content.CommentPrompt, required: false, errors);
            ValidateText($"{prefix}.thankYou", content.ThankYou, required: false, errors);
        }
    }

    private static void ValidateText(string field, string? text, bool required, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(field, "is required");
            }
            return;
        }
        if (text.Length > MaxTextLength)
        {
            errors.Add(field, $"must be at most {MaxTextLength} characters");
        }
        else if (!Liquid.TryParse(text, out _, out var error))
        {
            errors.Add(field, $"is not a valid Liquid template: {error.Split("\nSource:")[0]}");
        }
    }
}
