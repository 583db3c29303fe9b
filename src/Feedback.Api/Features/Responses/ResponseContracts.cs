using System.ComponentModel;
using System.Text.Json;
using System.Text.RegularExpressions;
using Feedback.Api.Features.Surveys;
using Feedback.Core.Common;
using Feedback.Core.Responses;
using SurveyResponse = Feedback.Core.Responses.SurveyResponse;
using Feedback.Core.Templates;

namespace Feedback.Api.Features.Responses;

[Description("An answer collected outside the e-mailed survey (phone, chat, in person …). `id` is the caller's idempotency key: a repeat returns the stored answer unchanged. `reasons`: codes of the template's `reasons`, each once, only with a score up to its `maxScore`.")]
public sealed partial record RecordResponseRequest(
    string? Id,
    string? TemplateId,
    int? Score,
    string? Comment,
    string? Channel,
    ResponseCustomerDto? Customer,
    string? SubjectId,
    string? Locale,
    IReadOnlyDictionary<string, JsonElement>? Properties,
    DateTimeOffset? AnsweredAt,
    IReadOnlyList<string?>? Reasons = null)
{
    /// <summary>A caller's clock may run a little ahead of ours; further ahead than this is a bug, not skew.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Channels an outside answer may name: <c>email</c> is kept for answers given through the e-mailed survey.</summary>
    public static IEnumerable<string> ExternalChannels => Channels.All.Where(c => c != Channels.Email).Order(StringComparer.Ordinal);

    // Ids appear in the Location path, so they are limited to characters that need no escaping.
    [GeneratedRegex("^[A-Za-z0-9_.:@-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdCharacters();

    /// <summary>
    /// Checks every field at once. <paramref name="template"/> is the template <see cref="TemplateId"/> names (null when it
    /// does not exist); its kind fixes the score scale and its default locale the locale.
    /// </summary>
    public SurveyResponse? ToResponse(SurveyTemplate? template, DateTimeOffset now, ValidationErrors errors)
    {
        CustomerDto.Required("id", Id, Ids.MaxLength, errors);
        if (!string.IsNullOrWhiteSpace(Id) && Id.Length <= Ids.MaxLength)
        {
            if (!IdCharacters().IsMatch(Id))
            {
                errors.Add("id", "may contain only letters, digits, '_', '.', ':', '@' and '-'");
            }
            else if (Id.StartsWith("rsp_", StringComparison.Ordinal))
            {
                errors.Add("id", "must not start with 'rsp_' (reserved for answers to e-mailed surveys)");
            }
        }
        CustomerDto.Required("templateId", TemplateId, Ids.MaxLength, errors);
        if (!string.IsNullOrWhiteSpace(TemplateId) && TemplateId.Length <= Ids.MaxLength && template is null)
        {
            errors.Add("templateId", "does not exist");
        }
        if (Score is null)
        {
            errors.Add("score", "is required");
        }
        else if (template is not null && !template.Kind.IsValidScore(Score.Value))
        {
            var (min, max) = template.Kind.Range();
            errors.Add("score", $"must be between {min} and {max} for a {template.Kind.ToString().ToLowerInvariant()} template");
        }
        if (Comment is { Length: > AnswerService.MaxCommentLength })
        {
            errors.Add("comment", $"must be at most {AnswerService.MaxCommentLength} characters");
        }
        if (string.IsNullOrWhiteSpace(Channel))
        {
            errors.Add("channel", "is required");
        }
        else if (!ExternalChannels.Contains(Channel))
        {
            errors.Add("channel", $"must be one of {string.Join(", ", ExternalChannels)}");
        }
        if (Customer is null)
        {
            errors.Add("customer", "is required");
        }
        else
        {
            CustomerDto.Required("customer.id", Customer.Id, Ids.MaxLength, errors);
        }
        CustomerDto.Required("subjectId", SubjectId, Ids.MaxLength, errors);
        if (Locale is not null && !Locales.IsValid(Locale))
        {
            errors.Add("locale", "must be a language tag such as sk, pl-PL or he");
        }
        var properties = PropertyValues.Parse(Properties, "properties", errors);
        if (AnsweredAt > now + AllowedClockSkew)
        {
            errors.Add("answeredAt", "must not be in the future");
        }
        if (Reasons is { Count: > 0 } && template is not null)
        {
            TemplateReasons.Validate(template.Reasons, Reasons, "reasons", errors);
            if (template.Reasons is { } asked && Score is { } score && template.Kind.IsValidScore(score) && !asked.Asks(score))
            {
                errors.Add("reasons", $"are only taken with a score up to {asked.MaxScore} (reasons.maxScore of the template)");
            }
        }
        if (!errors.IsValid || template is null)
        {
            return null;
        }
        return new SurveyResponse
        {
            Id = Id!,
            TemplateId = template.Id,
            Kind = template.Kind,
            Score = Score!.Value,
            Comment = string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim(),
            Reasons = template.Reasons?.Keep(Score!.Value, (Reasons ?? []).OfType<string>()) ?? [],
            Locale = Locale ?? template.DefaultLocale,
            CustomerId = Customer!.Id!,
            SubjectId = SubjectId!,
            Channel = Channel!,
            Properties = properties,
            AnsweredAt = (AnsweredAt ?? now).ToUniversalTime(),
            UpdatedAt = now,
        };
    }
}

[Description("Who answered. Only the id is kept with an answer collected elsewhere.")]
public sealed record ResponseCustomerDto(string? Id);

[Description("A customer's answer. `surveyId` is null for answers collected elsewhere; `updatedAt` is when the record last changed (the key of incremental pulls); `reasons` are the reason codes ticked, in the template's order (empty when none).")]
public sealed record AnswerResponse(
    string Id,
    string? SurveyId,
    string TemplateId,
    SurveyKind Kind,
    int Score,
    string? Comment,
    string Locale,
    string CustomerId,
    string SubjectId,
    string Channel,
    IReadOnlyDictionary<string, string> Properties,
    DateTimeOffset AnsweredAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<string> Reasons)
{
    public static AnswerResponse From(SurveyResponse r) => new(
        r.Id, r.SurveyId, r.TemplateId, r.Kind, r.Score, r.Comment, r.Locale, r.CustomerId, r.SubjectId, r.Channel, r.Properties,
        r.AnsweredAt, r.UpdatedAt, r.Reasons);
}

public sealed record AnswerListResponse(IReadOnlyList<AnswerResponse> Items, string? NextCursor);
