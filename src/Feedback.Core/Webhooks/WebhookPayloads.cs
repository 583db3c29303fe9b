using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Feedback.Core.FollowUps;
using Feedback.Core.Responses;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;

namespace Feedback.Core.Webhooks;

/// <summary>
/// The JSON bodies: <c>{ id, type, createdAt, data }</c> with the response as the responses API shows it, the follow-up
/// as the follow-ups API shows it, or the failed survey (without its token, which would let anyone answer for the customer).
/// </summary>
public static class WebhookPayloads
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string ForResponse(string deliveryId, string type, DateTimeOffset at, SurveyResponse response) =>
        Envelope(deliveryId, type, at, response);

    public static string ForFailedSurvey(string deliveryId, DateTimeOffset at, Survey survey) =>
        Envelope(deliveryId, WebhookEvents.SurveyFailed, at, new
        {
            survey.Id,
            survey.TemplateId,
            survey.TemplateVersion,
            survey.Kind,
            survey.SubjectId,
            Customer = new { survey.Customer.Id, survey.Customer.Email, survey.Customer.Name, survey.Customer.Locale },
            survey.Locale,
            survey.Properties,
            Status = SurveyStatus.Failed,
            survey.FailureReason,
            survey.Attempts,
            survey.SendAt,
            survey.CreatedAt,
        });

    /// <summary>The follow-up as the follow-ups API shows it (status <c>open</c>, <c>in_progress</c> or <c>resolved</c>).</summary>
    public static string ForFollowUp(string deliveryId, string type, DateTimeOffset at, FollowUp f) =>
        Envelope(deliveryId, type, at, new
        {
            f.Id,
            f.ResponseId,
            f.SurveyId,
            f.TemplateId,
            f.Kind,
            f.Score,
            f.Comment,
            f.Reasons,
            Customer = new { f.Customer.Id, f.Customer.Email, f.Customer.Name, f.Customer.Locale },
            f.SubjectId,
            f.Properties,
            Status = f.Status.Name(),
            f.Assignee,
            f.DueAt,
            f.Overdue,
            f.CreatedAt,
            f.UpdatedAt,
            f.ResolvedAt,
            f.Notes,
        });

    /// <summary>The payload without the customer's e-mail, name and comment; an already erased payload comes back unchanged.</summary>
    public static string Redact(string payload)
    {
        var root = JsonNode.Parse(payload)!.AsObject();
        if (root["data"] is not JsonObject data)
        {
            return payload;
        }
        var changed = Clear(data, "comment");
        if (data["customer"] is JsonObject customer)
        {
            changed |= Clear(customer, "name");
            if ((string?)customer["email"] is { } email && email != Erasure.Email)
            {
                customer["email"] = Erasure.Email;
                changed = true;
            }
        }
        return changed ? root.ToJsonString() : payload;
    }

    private static bool Clear(JsonObject node, string name)
    {
        if (node[name] is null)
        {
            return false;
        }
        node[name] = null;
        return true;
    }

    private static string Envelope<T>(string id, string type, DateTimeOffset at, T data) =>
        JsonSerializer.Serialize(new { id, type, createdAt = at, data }, Json);
}
