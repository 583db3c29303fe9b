using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Microsoft.Extensions.Logging;

namespace Feedback.Core.Delivery;

/// <summary>
/// Settles surveys in doubt from the mail provider's events: a survey whose request was in flight when its sender died
/// has an attempt recorded and no outcome. Any event the provider reports for it proves the request was accepted, so it
/// is marked sent at the attempt time and never sent again (docs/decisions.md, Reliability).
/// </summary>
public sealed class SendConfirmation(ISurveyStore surveys, ISurveyOutbox outbox, ITemplateStore templates, DeliveryMetrics metrics, ILogger<SendConfirmation> logger)
{
    /// <summary>True when the survey was in doubt and is now sent; false when there was nothing to confirm.</summary>
    public async Task<bool> ConfirmAsync(string surveyId, CancellationToken ct = default)
    {
        if (await surveys.GetAsync(surveyId, ct) is not { Status: SurveyStatus.Scheduled or SurveyStatus.Sending, SendAttemptedAt: { } attemptedAt } survey
            || await templates.GetAsync(survey.TemplateId, ct) is not { } template)
        {
            return false;
        }
        var (reminderAt, expiresAt) = template.TimesAfterSending(attemptedAt);
        if (!await outbox.ConfirmSentAsync(survey.Id, attemptedAt, reminderAt, expiresAt, ct))
        {
            return false;
        }
        metrics.Confirmed(template.Kind, attemptedAt - survey.SendAt);
        logger.LogInformation("Survey {SurveyId} was in doubt; the provider's event confirmed its send", survey.Id);
        return true;
    }
}
