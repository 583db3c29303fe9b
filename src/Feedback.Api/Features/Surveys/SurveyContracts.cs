using System.ComponentModel;
using System.Text.Json;
using Feedback.Core.Common;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Api.Features.Surveys;

[Description("Send a template to a customer directly (no sampling or quiet period). Without `sendAt` the survey goes out after the template's `delay` from now, moved into its send window; a `sendAt` at or before now sends it now (at the next dispatch, without delay or window); a later `sendAt` is used as given, outside the send window too.")]
public sealed record SendSurveyRequest(
    string? TemplateId,
    CustomerDto? Customer,
    string? SubjectId,
    IReadOnlyDictionary<string, JsonElement>? Properties,
    DateTimeOffset? SendAt)
{
    public ValidationErrors Validate(out IReadOnlyDictionary<string, string> properties)
    {
        var errors = new ValidationErrors();
        CustomerDto.Required("templateId", TemplateId, Ids.MaxLength, errors);
        CustomerDto.Required("subjectId", SubjectId, Ids.MaxLength, errors);
        if (Customer is null)
        {
            errors.Add("customer", "is required");
        }
        else
        {
            Customer.Validate("customer", errors);
        }
        properties = PropertyValues.Parse(Properties, "properties", errors);
        return errors;
    }
}

public sealed record SurveyDeliveryResponse(
    string Id,
    string TemplateId,
    int TemplateVersion,
    SurveyKind Kind,
    string? EventId,
    string SubjectId,
    CustomerDto Customer,
    string Locale,
    IReadOnlyDictionary<string, string> Properties,
    SurveyStatus Status,
    DateTimeOffset SendAt,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset? SentAt,
    DateTimeOffset? ReminderAt,
    DateTimeOffset? ReminderSentAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? CancelledAt,
    string? FailureReason)
{
    public static SurveyDeliveryResponse From(Survey s) => new(
        s.Id, s.TemplateId, s.TemplateVersion, s.Kind, s.EventId, s.SubjectId, CustomerDto.From(s.Customer), s.Locale, s.Properties,
        s.Status, s.SendAt, s.CreatedAt, s.Attempts, s.SentAt, s.ReminderAt, s.ReminderSentAt, s.ExpiresAt, s.DeliveredAt,
        s.OpenedAt, s.AnsweredAt, s.CancelledAt, s.FailureReason);
}

public sealed record SurveyList(IReadOnlyList<SurveyDeliveryResponse> Items, string? NextCursor);

public sealed record CancelledSurveys(IReadOnlyList<string> Cancelled);
