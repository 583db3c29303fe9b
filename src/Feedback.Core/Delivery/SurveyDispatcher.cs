using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;
using Microsoft.Extensions.Logging;

namespace Feedback.Core.Delivery;

/// <summary>
/// Sends due surveys: claim a batch with a lease, group by template and locale, render, send, and record the outcome
/// per batch. A transient failure puts the surveys back with a retry time; the outbox is the only retry mechanism.
/// On shutdown (<c>ct</c> cancelled) the request in flight is finished and recorded, and the claimed surveys not yet tried
/// are released at once instead of waiting for their lease to run out.
/// </summary>
public sealed class SurveyDispatcher(
    ISurveyOutbox surveys,
    ISurveyHousekeepingStore housekeeping,
    ITemplateStore templates,
    ISuppressionStore suppressions,
    ISurveyEmailRenderer renderer,
    IEmailSender sender,
    DispatchSettings settings,
    DeliveryMetrics metrics,
    IEnumerable<ISurveyFailureListener> failureListeners,
    TimeProvider time,
    ILogger<SurveyDispatcher> logger)
{
    /// <summary>Claims and sends until nothing is due (or the round limit); returns how many surveys were claimed.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct = default)
    {
        using var activity = DeliveryMetrics.Activities.StartActivity("feedback.dispatch");
        var total = 0;
        for (var round = 0; round < settings.MaxRoundsPerRun && !ct.IsCancellationRequested; round++)
        {
            var claimed = await surveys.ClaimDueAsync(time.GetUtcNow(), settings.Owner, settings.Lease, settings.BatchSize, ct);
            if (claimed.Count == 0)
            {
                break;
            }
            total += claimed.Count;
            var untried = claimed.Select(s => s.Id).ToHashSet();
            try
            {
                foreach (var group in claimed.GroupBy(s => s.TemplateId))
                {
                    await SendTemplateGroupAsync(group.Key, group.ToList(), untried, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                logger.LogInformation("Dispatch stopped for shutdown after the request in flight");
            }
            finally
            {
                await ReleaseUntriedAsync(untried);
            }
        }
        if (!ct.IsCancellationRequested)
        {
            metrics.OutboxDepth(await housekeeping.CountPendingAsync(ct));
        }
        activity?.SetTag("feedback.surveys.claimed", total);
        return total;
    }

    private async Task SendTemplateGroupAsync(string templateId, List<Survey> claimed, HashSet<string> untried, CancellationToken ct)
    {
        var template = await templates.GetAsync(templateId, ct);
        if (template is not { Status: TemplateStatus.Active })
        {
            foreach (var survey in claimed)
            {
                untried.Remove(survey.Id);
                await EndAsync(survey, SurveyStatus.Failed, "the template was archived or deleted before sending", ct);
            }
            return;
        }
        var sendable = new List<Survey>();
        var suppressed = await suppressions.SuppressedAmongAsync(claimed.Select(s => s.Customer.Email), ct);
        foreach (var survey in claimed)
        {
            if (suppressed.IsSuppressed(survey.Customer.Email))
            {
                untried.Remove(survey.Id);
                await EndAsync(survey, SurveyStatus.Suppressed, "the address was suppressed after the survey was scheduled", ct);
            }
            else
            {
                sendable.Add(survey);
            }
        }
        foreach (var group in sendable.GroupBy(s => template.ContentFor(s.Customer.Locale).Locale))
        {
            foreach (var chunk in group.Chunk(sender.MaxRecipientsPerRequest))
            {
                ct.ThrowIfCancellationRequested();
                untried.ExceptWith(chunk.Select(s => s.Id));
                await SendBatchAsync(template, group.Key, chunk);
            }
        }
    }

    // Deliberately not cancellable: once a request is on its way, its outcome must be recorded (bounded by the HTTP timeout).
    private async Task SendBatchAsync(SurveyTemplate template, string locale, IReadOnlyList<Survey> batch)
    {
        var ct = CancellationToken.None;
        var email = renderer.Render(template, locale, batch);
        if (settings.ConfirmWindow is { } window)
        {
            var attemptedAt = time.GetUtcNow();
            await surveys.RecordAttemptAsync(batch.Select(s => s.Id).ToList(), settings.Owner, attemptedAt, attemptedAt + window, ct);
        }
        var outcome = await sender.SendAsync(email, ct);
        var now = time.GetUtcNow();
        switch (outcome.Result)
        {
            case SendResult.Accepted:
                var (reminderAt, expiresAt) = template.TimesAfterSending(now);
                var marked = await surveys.MarkSentAsync(batch.Select(s => s.Id).ToList(), settings.Owner, now, reminderAt, expiresAt, ct);
                if (marked < batch.Count)
                {
                    // Taken over after the lease ran out, or already confirmed by the provider's event (SendConfirmation).
                    logger.LogWarning("Sent {Count} surveys of template {TemplateId} but {Lost} were no longer held", batch.Count, template.Id, batch.Count - marked);
                }
                foreach (var survey in batch.Take(marked))
                {
                    metrics.Sent(template.Kind, now - survey.SendAt);
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
            var retryAt = now + RetryBackoff.Delay(attempts, outcome.RetryAfter, settings.Jitter.NextDouble());
            await surveys.ReleaseAsync(survey.Id, settings.Owner, retryAt, outcome.Reason ?? "transient failure", ct);
        }
    }

    private async Task ReleaseUntriedAsync(HashSet<string> untried)
    {
        if (untried.Count == 0)
        {
            return;
        }
        try
        {
            var released = await surveys.ReleaseUnsentAsync(untried, settings.Owner, CancellationToken.None);
            logger.LogInformation("Released {Count} claimed surveys that were not tried", released);
        }
        catch (Exception e)
        {
            // Their lease still runs out, so they are sent later anyway; this only saves the wait.
            logger.LogWarning(e, "Could not release {Count} claimed surveys; they wait for their lease to run out", untried.Count);
        }
    }

    private async Task EndAsync(Survey survey, SurveyStatus status, string reason, CancellationToken ct)
    {
        if (await surveys.MarkUndeliverableAsync(survey.Id, settings.Owner, status, reason, ct))
        {
            metrics.Undeliverable(status);
            if (status == SurveyStatus.Failed)
            {
                foreach (var listener in failureListeners)
                {
                    await listener.SurveyFailedAsync(survey with { Status = status, FailureReason = reason }, ct);
                }
            }
        }
    }
}
