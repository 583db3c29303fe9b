using Feedback.Core.Delivery;
using Microsoft.Extensions.Options;
using Quartz;

namespace Feedback.Api.Hosting.Jobs;

/// <summary>
/// Claims and sends due surveys from the outbox. Quartz waits for a running job on shutdown without signalling it, so the
/// run also stops on the host's stopping signal: it finishes the request in flight and releases the rest of its claim.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DispatchDueSurveysJob(SurveyDispatcher dispatcher, IHostApplicationLifetime lifetime) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        await dispatcher.DispatchDueAsync(stopping.Token);
    }
}

/// <summary>Sends one reminder per unanswered survey once its reminderAt has passed.</summary>
[DisallowConcurrentExecution]
public sealed class SendRemindersJob(SurveyHousekeeping housekeeping) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await housekeeping.SendRemindersAsync(cancellationToken);
}

/// <summary>Expires unanswered surveys and removes rows past their retention.</summary>
[DisallowConcurrentExecution]
public sealed class ExpireAndPurgeJob(SurveyHousekeeping housekeeping, IOptions<DispatchOptions> options) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await housekeeping.ExpireAsync(cancellationToken);
        await housekeeping.PurgeAsync(options.Value.EventRetention, options.Value.SurveyRetention, cancellationToken);
    }
}

/// <summary>Sends due webhook deliveries from the outbox.</summary>
[DisallowConcurrentExecution]
public sealed class DeliverWebhooksJob(Core.Webhooks.WebhookDeliverer deliverer) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await deliverer.DeliverDueAsync(cancellationToken);
}

/// <summary>Marks follow-ups past their due time as overdue, each once (its <c>followup.overdue</c> webhook with it).</summary>
[DisallowConcurrentExecution]
public sealed class MarkOverdueFollowUpsJob(Core.FollowUps.FollowUpService followUps) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await followUps.MarkOverdueAsync(cancellationToken);
}
