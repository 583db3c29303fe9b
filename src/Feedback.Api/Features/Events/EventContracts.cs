using System.ComponentModel;
using System.Text.Json;
using Feedback.Api.Features.Surveys;
using Feedback.Core.Common;
using Feedback.Core.Delivery;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Api.Features.Events;

[Description("Something that happened in another service. `id` is the idempotency key: the same id again returns the first answer.")]
public sealed record EventRequest(
    string? Id,
    string? Type,
    DateTimeOffset? OccurredAt,
    string? SubjectId,
    CustomerDto? Customer,
    IReadOnlyDictionary<string, JsonElement>? Properties)
{
    /// <summary>A caller's clock or queue may put an event a little ahead of ours; a day ahead is a wrong date, not skew.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(1);

    /// <summary>The event, or null with its errors added to <paramref name="errors"/>.</summary>
    public FeedbackEvent? ToEvent(string prefix, DateTimeOffset now, ValidationErrors errors)
    {
        // Checked on its own: errors may already hold this event's type errors, which settle its fields.
        var own = new ValidationErrors();
        CheckInto(prefix, now, own, out var properties);
        errors.AddRange(own);
        return own.IsValid ? new FeedbackEvent(Id!, Type!, OccurredAt!.Value, SubjectId!, Customer!.ToCustomer(), properties) : null;
    }

    private void CheckInto(string prefix, DateTimeOffset now, ValidationErrors errors, out IReadOnlyDictionary<string, string> properties)
    {
        CustomerDto.Required(Field(prefix, "id"), Id, Ids.MaxLength, errors);
        if (!TemplateValidator.IsValidEventType(Type))
        {
            errors.Add(Field(prefix, "type"), Type is null ? "is required" : "must be letters, digits and . _ : - (at most 100)");
        }
        if (OccurredAt is null)
        {
            errors.Add(Field(prefix, "occurredAt"), "is required (ISO-8601 date-time with offset)");
        }
        else if (OccurredAt > now + MaxAhead)
        {
            errors.Add(Field(prefix, "occurredAt"), "must not be more than a day in the future");
        }
        CustomerDto.Required(Field(prefix, "subjectId"), SubjectId, Ids.MaxLength, errors);
        if (Customer is null)
        {
            errors.Add(Field(prefix, "customer"), "is required");
        }
        else
        {
            // Whether an address is needed depends on the templates the event matches: e-mail ones skip it as no_email.
            Customer.Validate(Field(prefix, "customer"), errors, emailRequired: false);
        }
        properties = PropertyValues.Parse(Properties, Field(prefix, "properties"), errors);
    }

    private static string Field(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
}

[Description("Up to 1000 events; the batch is refused whole (nothing stored) when any event is invalid.")]
public sealed record EventBatchRequest(IReadOnlyList<EventRequest?>? Events);

[Description("A survey the event made. A link survey (status `sent`) carries `answerUrl` and `scoreUrls`, the links the caller shows; an e-mail survey has them null.")]
public sealed record ScheduledSurveyDto(
    string Id,
    string TemplateId,
    SurveyStatus Status,
    DateTimeOffset SendAt,
    [property: Description("`{PublicBaseUrl}/s/{token}`: the answer page.")] string? AnswerUrl,
    [property: Description("One link per score of the template kind's scale; opening one records that score (one click).")] IReadOnlyDictionary<string, string>? ScoreUrls);

[Description("`reason` is one of quiet_period, sampled_out, suppressed, duplicate, no_email (the template e-mails and the customer has no address).")]
public sealed record SkippedTemplateDto(string TemplateId, string Reason);

public sealed record EventResponse(string EventId, IReadOnlyList<ScheduledSurveyDto> Surveys, IReadOnlyList<SkippedTemplateDto> Skipped, IReadOnlyList<string> Cancelled)
{
    public static EventResponse From(EventOutcome o, AnswerLinks links) => new(
        o.EventId,
        o.Surveys.Select(s => new ScheduledSurveyDto(s.Id, s.TemplateId, s.Status, s.SendAt,
            s.Link is { } link ? links.AnswerUrl(link.Token) : null,
            s.Link is { } scale ? links.ScoreUrls(scale.Token, scale.Kind) : null)).ToList(),
        o.Skipped.Select(s => new SkippedTemplateDto(s.TemplateId, ReasonName(s.Reason))).ToList(),
        o.Cancelled);

    public static string ReasonName(SkipReason reason) => reason switch
    {
        SkipReason.QuietPeriod => "quiet_period",
        SkipReason.SampledOut => "sampled_out",
        SkipReason.Suppressed => "suppressed",
        SkipReason.Duplicate => "duplicate",
        SkipReason.NoEmail => "no_email",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}

public sealed record EventBatchResponse(IReadOnlyList<EventResponse> Results);
