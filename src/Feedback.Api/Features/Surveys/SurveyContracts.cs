using System.ComponentModel;
using System.Text.Json;
using Feedback.Core.Common;
using Feedback.Core.Delivery;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Api.Features.Surveys;

[Description("Send a template to a customer directly (no sampling or quiet period). Without `sendAt` the survey goes out after the template's `delay` from now, moved into its send window; a `sendAt` at or before now sends it now (at the next dispatch, without delay or window); a later `sendAt` is used as given, outside the send window too. `delivery` overrides the template's: a `link` survey is sent at once without e-mail (`customer.email` optional, `sendAt` ignored) and the answer carries its links.")]
public sealed record SendSurveyRequest(
    string? TemplateId,
    CustomerDto? Customer,
    string? SubjectId,
    IReadOnlyDictionary<string, JsonElement>? Properties,
    DateTimeOffset? SendAt,
    SurveyDelivery? Delivery)
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
            // Core decides whether the address is needed: it depends on the template's delivery.
            Customer.Validate("customer", errors, emailRequired: false);
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
    string? FailureReason,
    SurveyDelivery Delivery,
    [property: Description("A link survey's answer page, `{PublicBaseUrl}/s/{token}`, in the answer to `POST /v1/surveys` only (null otherwise: the token is a credential, not listed).")]
    string? AnswerUrl,
    [property: Description("A link survey's one-click links, one per score of the kind's scale, beside `answerUrl`.")]
    IReadOnlyDictionary<string, string>? ScoreUrls)
{
    /// <summary>The survey as listed and read: without its links.</summary>
    public static SurveyDeliveryResponse From(Survey s) => new(
        s.Id, s.TemplateId, s.TemplateVersion, s.Kind, s.EventId, s.SubjectId, CustomerDto.From(s.Customer), s.Locale, s.Properties,
        s.Status, s.SendAt, s.CreatedAt, s.Attempts, s.SentAt, s.ReminderAt, s.ReminderSentAt, s.ExpiresAt, s.DeliveredAt,
        s.OpenedAt, s.AnsweredAt, s.CancelledAt, s.FailureReason, s.Delivery, AnswerUrl: null, ScoreUrls: null);

    /// <summary>The survey as just sent: a link survey with its links.</summary>
    public static SurveyDeliveryResponse Sent(Survey s, AnswerLinks links) => s.Delivery == SurveyDelivery.Link
        ? From(s) with { AnswerUrl = links.AnswerUrl(s.Token), ScoreUrls = links.ScoreUrls(s.Token, s.Kind) }
        : From(s);
}

public sealed record SurveyListResponse(IReadOnlyList<SurveyDeliveryResponse> Items, string? NextCursor);

public sealed record CancelledSurveysResponse(IReadOnlyList<string> Cancelled);
