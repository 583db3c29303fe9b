using Feedback.Core.Storage;
using Feedback.Core.Templates;
using Microsoft.Extensions.Logging;

namespace Feedback.Core.Delivery;

/// <summary>Reminders (one per unanswered survey, at most once), expiry, and retention of old rows.</summary>
public sealed class SurveyHousekeeping(
    ISurveyHousekeepingStore surveys,
    IEventStore events,
    ITemplateStore templates,
    ISurveyEmailRenderer renderer,
    IEmailSender sender,
    DispatchSettings settings,
    TimeProvider time,
    ILogger<SurveyHousekeeping> logger)
{
    /// <summary>Sends the due reminders; a reminder whose send fails is not tried again (at most one reminder).</summary>
    public async Task<int> SendRemindersAsync(CancellationToken ct = default)
    {
        var due = await surveys.TakeDueRemindersAsync(time.GetUtcNow(), settings.BatchSize, ct);
        foreach (var group in due.GroupBy(s => s.TemplateId))
        {
            if (await templates.GetAsync(group.Key, ct) is not { Status: TemplateStatus.Active } template)
            {
                continue;
            }
            foreach (var byLocale in group.GroupBy(s => template.ContentFor(s.Customer.Locale).Locale))
            {
                foreach (var chunk in byLocale.Chunk(sender.MaxRecipientsPerRequest))
                {
                    var outcome = await sender.SendAsync(renderer.Render(template, byLocale.Key, chunk), ct);
                    if (outcome.Result != SendResult.Accepted)
                    {
                        logger.LogWarning("{Count} reminders of template {TemplateId} were not sent: {Reason}", chunk.Length, template.Id, outcome.Reason);
                    }
                }
            }
        }
        return due.Count;
    }

    public Task<int> ExpireAsync(CancellationToken ct = default) => surveys.ExpireAsync(time.GetUtcNow(), ct);

    /// <summary>Deletes event idempotency records and ended, unanswered surveys older than their retention.</summary>
    public async Task<int> PurgeAsync(TimeSpan eventRetention, TimeSpan surveyRetention, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var purged = await events.PurgeAsync(now - eventRetention, ct) + await surveys.PurgeAsync(now - surveyRetention, ct);
        if (purged > 0)
        {
            logger.LogInformation("Retention removed {Count} old events and surveys", purged);
        }
        return purged;
    }
}
