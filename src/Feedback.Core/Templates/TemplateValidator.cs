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
        ValidateReasons(template, errors);
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

    private static void ValidateReasons(SurveyTemplate template, ValidationErrors errors)
    {
        var reasons = template.Reasons;
        if (reasons is not null)
        {
            var (min, max) = template.Kind.Range();
            if (reasons.MaxScore < min || reasons.MaxScore > max)
            {
                errors.Add("reasons.maxScore", $"must be between {min} and {max} for a {template.Kind.ToString().ToLowerInvariant()} template");
            }
            if (reasons.Codes.Count == 0)
            {
                errors.Add("reasons.codes", "must list at least one reason code");
            }
            else if (reasons.Codes.Count > TemplateReasons.MaxCodes)
            {
                errors.Add("reasons.codes", $"must list at most {TemplateReasons.MaxCodes} reason codes");
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < reasons.Codes.Count; i++)
            {
                if (!TemplateReasons.IsValidCode(reasons.Codes[i]))
                {
                    errors.Add($"reasons.codes[{i}]", $"must be {TemplateReasons.CodeSyntax}");
                }
                else if (!seen.Add(reasons.Codes[i]))
                {
                    errors.Add($"reasons.codes[{i}]", "is listed twice");
                }
            }
        }
        var codes = reasons?.Codes.ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var (locale, content) in template.Content)
        {
            foreach (var (code, label) in content?.ReasonLabels ?? new Dictionary<string, string>())
            {
                var field = $"content.{locale}.reasonLabels.{code}";
                if (!codes.Contains(code))
                {
                    errors.Add(field, reasons is null ? "labels a reason, but the template has no reasons" : "labels a code that is not in reasons.codes");
                }
                else if (string.IsNullOrWhiteSpace(label))
                {
                    errors.Add(field, "must not be blank");
                }
                else if (label.Length > TemplateReasons.MaxLabelLength)
                {
                    errors.Add(field, $"must be at most {TemplateReasons.MaxLabelLength} characters");
                }
            }
        }
        // Every code needs a label in the default locale: it is the label any other locale falls back to.
        if (reasons is not null && template.Content.GetValueOrDefault(template.DefaultLocale) is { } defaults)
        {
            foreach (var code in reasons.Codes.Where(TemplateReasons.IsValidCode).Distinct(StringComparer.Ordinal))
            {
                if (defaults.ReasonLabels?.ContainsKey(code) != true)
                {
                    errors.Add($"content.{template.DefaultLocale}.reasonLabels.{code}", "is required: every reason needs a label in the default locale");
                }
            }
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
