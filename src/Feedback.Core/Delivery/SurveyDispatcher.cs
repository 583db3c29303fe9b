using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;
using Microsoft.Extensions.Logging;

namespace Feedback.Core.Delivery;

/// <summary>
/// Sends due surveys: claim a batch with a lease, group by template and locale, render, send, and record the outcome
/// per survey. A transient failure puts the surveys back with a retry time; the outbox is the only retry mechanism.
/// </summary>
public sealed class SurveyDispatcher(
    ISurveyStore surveys,
    ITemplateStore templates,
    ISuppressionStore suppressions,
    ISurveyEmailRenderer renderer,
    IEmailSender sender,
    DispatchSettings settings,
    DeliveryMetrics metrics,
    TimeProvider time,
    ILogger<SurveyDispatcher> logger)
{
    public const int MaxRecipientsPerRequest = 1000;

    /// <summary>Claims and sends until nothing is due (or the round limit); returns how many surveys were claimed.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct = default)
    {
        using var activity = DeliveryMetrics.Activities.StartActivity("feedback.dispatch");
        var total = 0;
        for (var round = 0; round < settings.MaxRoundsPerRun; round++)
        {
            var claimed = await surveys.ClaimDueAsync(time.GetUtcNow(), settings.Owner, settings.Lease, settings.BatchSize, ct);
            if (claimed.Count == 0)
            {
                break;
            }
            total += claimed.Count;
            foreach (var group in claimed.GroupBy(s => s.TemplateId))
            {
                await SendTemplateGroupAsync(group.Key, group.ToList(), ct);
            }
        }
        metrics.OutboxDepth(await surveys.CountPendingAsync(ct));
        activity?.SetTag("feedback.surveys.claimed", total);
        return total;
    }

    private async Task SendTemplateGroupAsync(string templateId, List<Survey> claimed, CancellationToken ct)
    {
        var template = await templates.GetAsync(templateId, ct);
        if (template is not { Status: TemplateStatus.Active })
        {
            foreach (var survey in claimed)
            {
                await EndAsync(survey, SurveyStatus.Failed, "the template was archived or deleted before sending", ct);
            }
            return;
        }
        var sendable = new List<Survey>();
        foreach (var survey in claimed)
        {
            if (await suppressions.GetAsync(Common.Emails.Normalize(survey.Customer.Email), ct) is not null)
            {
                await EndAsync(survey, SurveyStatus.Suppressed, "the address was suppressed after the survey was scheduled", ct);
            }
            else
            {
                sendable.Add(survey);
            }
        }
        foreach (var group in sendable.GroupBy(s => template.ContentFor(s.Customer.Locale).Locale))
        {
            foreach (var chunk in group.Chunk(MaxRecipientsPerRequest))
            {
                await SendBatchAsync(template, group.Key, chunk, ct);
            }
        }
    }

    private async Task SendBatchAsync(SurveyTemplate template, string locale, IReadOnlyList<Survey> batch, CancellationToken ct)
    {
        var outcome = await sender.SendAsync(renderer.Render(template, locale, batch), ct);
        var now = time.GetUtcNow();
        switch (outcome.Result)
        {
            case SendResult.Accepted:
                // All at once: a store that groups concurrent writes into one commit (SQLite) marks the batch in one.
                var reminderAt = template.ReminderAfterSpan is { } r ? now + r : (DateTimeOffset?)null;
                var marked = await Task.WhenAll(batch.Select(survey =>
                    surveys.MarkSentAsync(survey.Id, settings.Owner, now, reminderAt, now + template.ExpiresAfterSpan, ct)));
                for (var i = 0; i < batch.Count; i++)
                {
                    if (marked[i])
                    {
                        metrics.Sent(template.Kind, now - batch[i].SendAt);
                    }
                }
                break;
            case SendResult.Rejected:
                logger.LogWarning("The mail provider rejected {Count} surveys of template {TemplateId}: {Reason}", batch.Count, template.Id, outcome.Reason);
                foreach (var survey in batch)
                {
                    await EndAsync(survey, SurveyStatus.Failed, outcome.Reason ?? "rejected by the mail provider", ct);
                }
                break;
            default:
                await RetryLaterAsync(template, batch, outcome, now, ct);
                break;
        }
    }

    private async Task RetryLaterAsync(SurveyTemplate template, IReadOnlyList<Survey> batch, SendOutcome outcome, DateTimeOffset now, CancellationToken ct)
    {
        logger.LogWarning("Sending {Count} surveys of template {TemplateId} failed transiently: {Reason}", batch.Count, template.Id, outcome.Reason);
        foreach (var survey in batch)
        {
            var attempts = survey.Attempts + 1;
            if (attempts >= settings.MaxAttempts)
            {
                await EndAsync(survey, SurveyStatus.Failed, $"gave up after {attempts} attempts: {outcome.Reason}", ct);
                continue;
            }
            var retryAt = now + RetryBackoff.Delay(attempts, outcome.RetryAfter, Random.Shared.NextDouble());
            await surveys.ReleaseAsync(survey.Id, settings.Owner, retryAt, outcome.Reason ?? "transient failure", ct);
        }
    }

    private async Task EndAsync(Survey survey, SurveyStatus status, string reason, CancellationToken ct)
    {
        if (await surveys.MarkUndeliverableAsync(survey.Id, settings.Owner, status, reason, ct))
        {
            metrics.Undeliverable(status);
        }
    }
}
