using Feedback.Core.Common;
using Feedback.Core.Delivery;
using Feedback.Core.FollowUps;
using Feedback.Core.Responses;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;

namespace Feedback.Core.Webhooks;

/// <summary>
/// Queues one delivery per interested subscription into the outbox when an answer is stored, a survey fails or a follow-up
/// is opened, overdue or resolved; nothing is
/// sent here (<see cref="WebhookDeliverer"/> does that), so a slow receiver never slows an answer down.
/// </summary>
public sealed class WebhookPublisher(WebhookSubscribers subscriptions, IWebhookOutbox outbox, TimeProvider time) : IResponseListener, ISurveyFailureListener, IFollowUpListener
{
    public async Task ResponseRecordedAsync(SurveyResponse stored, SurveyResponse? previous, CancellationToken ct = default)
    {
        var type = previous is null ? WebhookEvents.ResponseCreated : WebhookEvents.ResponseUpdated;
        await PublishAsync(type, stored.Score, stored.CustomerId, (id, at) => WebhookPayloads.ForResponse(id, type, at, stored), ct);
    }

    public Task SurveyFailedAsync(Survey failed, CancellationToken ct = default) =>
        PublishAsync(WebhookEvents.SurveyFailed, null, failed.Customer.Id, (id, at) => WebhookPayloads.ForFailedSurvey(id, at, failed), ct);

    // The score range of a subscription applies to response events only: every follow-up is about a low score already.
    public Task FollowUpChangedAsync(FollowUp followUp, FollowUpEvent change, CancellationToken ct = default)
    {
        var type = change switch
        {
            FollowUpEvent.Created => WebhookEvents.FollowUpCreated,
            FollowUpEvent.Overdue => WebhookEvents.FollowUpOverdue,
            _ => WebhookEvents.FollowUpResolved,
        };
        return PublishAsync(type, null, followUp.Customer.Id, (id, at) => WebhookPayloads.ForFollowUp(id, type, at, followUp), ct);
    }

    private async Task PublishAsync(string type, int? score, string customerId, Func<string, DateTimeOffset, string> payload, CancellationToken ct)
    {
        var subscribers = (await subscriptions.ForEventAsync(type, ct)).Where(s => s.Wants(type, score)).ToList();
        if (subscribers.Count == 0)
        {
            return;
        }
        var now = time.GetUtcNow();
        var deliveries = subscribers.Select(s =>
        {
            var id = Ids.New("whd", time);
            return new WebhookDelivery
            {
                Id = id,
                SubscriptionId = s.Id,
                Type = type,
                Payload = payload(id, now),
                CustomerId = customerId,
                NextAttemptAt = now,
                CreatedAt = now,
            };
        }).ToList();
        await outbox.EnqueueAsync(deliveries, ct);
    }
}
