using Feedback.Core.Common;
using Feedback.Core.Delivery;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Core.Scheduling;

/// <summary>Turns events into scheduled surveys (or skips with a reason) and cancels pending ones on <c>cancelOn</c> events.</summary>
public sealed class SurveyScheduler(
    ITemplateStore templates,
    ActiveTemplates active,
    ISurveyStore surveys,
    IEventStore events,
    ISuppressionStore suppressions,
    DeliveryMetrics metrics,
    TimeProvider time)
{
    public async Task<EventOutcome> IngestAsync(FeedbackEvent e, CancellationToken ct = default)
    {
        using var activity = DeliveryMetrics.Activities.StartActivity("feedback.event.ingest");
        activity?.SetTag("feedback.event.type", e.Type);
        var (known, plan) = await PlanAsync(e, new StoreReads(events, suppressions, surveys), ct);
        if (known is not null)
        {
            return known;
        }
        var recorded = await events.RecordAsync(plan!.Event, plan.Outcome, plan.Surveys, time.GetUtcNow(), ct);
        CountScheduled(recorded, plan);
        return recorded;
    }

    /// <summary>
    /// Ingests a batch as if one event after the other. Events that share a lane with others (<see cref="EventLanes"/>:
    /// same id, subject, customer or e-mail) run one after another in batch order, as single events do. The rest cannot
    /// affect one another: they are planned concurrently and stored in one <see cref="IEventStore.RecordManyAsync"/>.
    /// Outcomes in batch order.
    /// </summary>
    public async Task<IReadOnlyList<EventOutcome>> IngestManyAsync(IReadOnlyList<FeedbackEvent> batch, CancellationToken ct = default)
    {
        using var activity = DeliveryMetrics.Activities.StartActivity("feedback.event.ingest_batch");
        activity?.SetTag("feedback.event.count", batch.Count);
        var outcomes = new EventOutcome[batch.Count];
        var lanes = EventLanes.Split(batch);
        var options = new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = ct };
        var shared = Parallel.ForEachAsync(lanes.Where(l => l.Count > 1), options, async (lane, token) =>
        {
            foreach (var i in lane)
            {
                outcomes[i] = await IngestAsync(batch[i], token);
            }
        });
        var alone = lanes.Where(l => l.Count == 1).Select(l => l[0]).ToList();
        // Both paths run to the end before the batch answers, even when one of them fails.
        await Task.WhenAll(shared, IngestAloneAsync(batch, alone, outcomes, options, ct));
        return outcomes;
    }

    /// <summary>Plans the batch's independent events from one set of reads and stores them with one call.</summary>
    private async Task IngestAloneAsync(IReadOnlyList<FeedbackEvent> batch, List<int> alone, EventOutcome[] outcomes, ParallelOptions options, CancellationToken ct)
    {
        var reads = await BatchReads.ReadAsync(new StoreReads(events, suppressions, surveys), active, [.. alone.Select(i => batch[i])], ct);
        var plans = new (int Index, PlannedEvent Plan)?[alone.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, alone.Count), options, async (n, token) =>
        {
            var (known, plan) = await PlanAsync(batch[alone[n]], reads, token);
            if (known is not null)
            {
                outcomes[alone[n]] = known;
            }
            else
            {
                plans[n] = (alone[n], plan!);
            }
        });
        var planned = plans.OfType<(int Index, PlannedEvent Plan)>().ToList();
        if (planned.Count > 0)
        {
            var recorded = await events.RecordManyAsync([.. planned.Select(p => p.Plan)], time.GetUtcNow(), ct);
            for (var n = 0; n < planned.Count; n++)
            {
                outcomes[planned[n].Index] = recorded[n];
                CountScheduled(recorded[n], planned[n].Plan);
            }
        }
    }

    /// <summary>What an event does, decided from the stored state: the stored outcome of a known id, else the plan to store.</summary>
    private async Task<(EventOutcome? Known, PlannedEvent? Plan)> PlanAsync(FeedbackEvent e, IPlanReads reads, CancellationToken ct)
    {
        if (await reads.OutcomeAsync(e.Id, ct) is { } known)
        {
            return (known, null);
        }
        var now = time.GetUtcNow();
        var suppressed = await reads.SuppressedAsync(e.Customer.Email, ct);
        var planned = new List<Survey>();
        var skipped = new List<SkippedTemplate>();
        var (triggered, cancelling) = await active.ForEventAsync(e.Type, ct);
        var properties = Scoring.ResolutionTime.WithBucket(e.Properties, e.OccurredAt);
        foreach (var template in triggered)
        {
            var survey = NewSurvey(template, e.Customer, e.SubjectId, properties, e.OccurredAt, now) with { EventId = e.Id };
            if (survey.Delivery == SurveyDelivery.Email && survey.Customer.Email is null)
            {
                skipped.Add(new SkippedTemplate(template.Id, SkipReason.NoEmail));
            }
            else if (await SkipReasonAsync(template, survey, suppressed, reads, ct) is { } reason)
            {
                skipped.Add(new SkippedTemplate(template.Id, reason));
            }
            else
            {
                planned.Add(survey);
            }
        }
        var cancelled = cancelling.Count == 0
            ? []
            : await surveys.CancelPendingBySubjectAsync(e.SubjectId, cancelling.Select(t => t.Id).ToArray(), now, ct);
        var outcome = new EventOutcome(e.Id, planned.Select(ScheduledSurvey.From).ToList(), skipped, cancelled);
        return (null, new PlannedEvent(e, outcome, planned));
    }

    // Only surveys of this plan that were stored: a concurrent duplicate's stored outcome was counted by its own ingest.
    private void CountScheduled(EventOutcome recorded, PlannedEvent plan)
    {
        foreach (var survey in plan.Surveys.Where(p => recorded.Surveys.Any(s => s.Id == p.Id)))
        {
            metrics.Scheduled(survey.Kind, 1);
        }
    }

    /// <summary>
    /// Schedules one survey of an active template for a customer, without sampling or quiet period: without
    /// <paramref name="sendAt"/> due after the template's delay from now in its send window, else at
    /// <see cref="SendTimes.Requested"/> (now when it is not in the future). <paramref name="delivery"/> overrides the
    /// template's; a link survey is sent at once and needs no e-mail address.
    /// </summary>
    public async Task<DirectSendResult> SendDirectAsync(string templateId, Customer customer, string subjectId,
        IReadOnlyDictionary<string, string> properties, DateTimeOffset? sendAt, SurveyDelivery? delivery = null, CancellationToken ct = default)
    {
        var template = await templates.GetAsync(templateId, ct);
        if (template is not { Status: TemplateStatus.Active })
        {
            return new DirectSendResult.TemplateNotActive(Exists: template is not null);
        }
        if ((delivery ?? template.Delivery) == SurveyDelivery.Email && customer.Email is null)
        {
            return new DirectSendResult.EmailRequired();
        }
        if (await suppressions.IsSuppressedAsync(customer.Email, ct))
        {
            return new DirectSendResult.Suppressed();
        }
        var now = time.GetUtcNow();
        var survey = NewSurvey(template, customer, subjectId, properties, now, now, sendAt, delivery);
        if (!await surveys.TryAddAsync(survey, ct))
        {
            return new DirectSendResult.Duplicate();
        }
        metrics.Scheduled(template.Kind, 1);
        return new DirectSendResult.Scheduled(survey);
    }

    /// <summary>
    /// A survey for a template, due at occurredAt + delay moved into the send window, or at <see cref="SendTimes.Requested"/>
    /// when <paramref name="sendAt"/> is given. A link survey (the template's delivery, or <paramref name="delivery"/>) is
    /// sent now instead: it expires after the template's <c>expiresAfter</c> and is never reminded.
    /// </summary>
    public Survey NewSurvey(SurveyTemplate template, Customer customer, string subjectId, IReadOnlyDictionary<string, string> properties,
        DateTimeOffset occurredAt, DateTimeOffset now, DateTimeOffset? sendAt = null, SurveyDelivery? delivery = null)
    {
        var survey = NewEmailSurvey(template, customer, subjectId, properties, occurredAt, now, sendAt);
        return (delivery ?? template.Delivery) == SurveyDelivery.Link
            ? survey with
            {
                Delivery = SurveyDelivery.Link,
                Status = SurveyStatus.Sent,
                SendAt = now,
                SentAt = now,
                ExpiresAt = template.TimesAfterSending(now).ExpiresAt,
            }
            : survey;
    }

    private Survey NewEmailSurvey(SurveyTemplate template, Customer customer, string subjectId, IReadOnlyDictionary<string, string> properties,
        DateTimeOffset occurredAt, DateTimeOffset now, DateTimeOffset? sendAt) => new()
    {
        Id = Ids.New("srv", time),
        TemplateId = template.Id,
        TemplateVersion = template.Version,
        Kind = template.Kind,
        SubjectId = subjectId,
        Customer = customer with { Email = customer.Email?.Trim() },
        Locale = template.ContentFor(customer.Locale).Locale,
        Properties = properties,
        Status = SurveyStatus.Scheduled,
        SendAt = sendAt is { } at ? SendTimes.Requested(at, now)
            : SendTimes.Compute(occurredAt, template.Delay.TimeSpan, template.SendWindow, TimeZones.Find(customer.TimeZone), now),
        CreatedAt = now,
        Token = SurveyTokens.New(),
    };

    private static async Task<SkipReason?> SkipReasonAsync(SurveyTemplate template, Survey survey, bool suppressed, IPlanReads reads, CancellationToken ct)
    {
        if (suppressed)
        {
            return SkipReason.Suppressed;
        }
        if (template.QuietPeriod is { } quiet
            && await reads.SurveyedSinceAsync(survey.Customer.Id, template.Id, survey.SendAt - quiet.TimeSpan, ct))
        {
            return SkipReason.QuietPeriod;
        }
        if (!Sampling.IsSampledIn(survey.Customer.Id, survey.SubjectId, template.SampleRate))
        {
            return SkipReason.SampledOut;
        }
        return null;
    }

    /// <summary>What planning reads: the stores one event at a time, or what a batch read up front.</summary>
    private interface IPlanReads
    {
        Task<EventOutcome?> OutcomeAsync(string eventId, CancellationToken ct);

        Task<bool> SuppressedAsync(string? email, CancellationToken ct);

        Task<bool> SurveyedSinceAsync(string customerId, string templateId, DateTimeOffset since, CancellationToken ct);
    }

    private sealed class StoreReads(IEventStore events, ISuppressionStore suppressions, ISurveyStore surveys) : IPlanReads
    {
        public IEventStore Events => events;

        public ISuppressionStore Suppressions => suppressions;

        public ISurveyStore Surveys => surveys;

        public Task<EventOutcome?> OutcomeAsync(string eventId, CancellationToken ct) => events.GetOutcomeAsync(eventId, ct);

        public Task<bool> SuppressedAsync(string? email, CancellationToken ct) => suppressions.IsSuppressedAsync(email, ct);

        public Task<bool> SurveyedSinceAsync(string customerId, string templateId, DateTimeOffset since, CancellationToken ct) =>
            surveys.SurveyedSinceAsync(customerId, templateId, since, ct);
    }

    /// <summary>
    /// The reads of a batch's independent events, made up front with one store call each: their known outcomes, their
    /// suppressed addresses, and per quiet-period template the customers' latest blocking send. A template that became
    /// active after this read falls back to the store.
    /// </summary>
    private sealed class BatchReads(
        StoreReads store,
        IReadOnlyDictionary<string, EventOutcome> outcomes,
        IReadOnlySet<string> suppressed,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, DateTimeOffset>> lastSends) : IPlanReads
    {
        public static async Task<BatchReads> ReadAsync(StoreReads store, ActiveTemplates active, IReadOnlyList<FeedbackEvent> batch, CancellationToken ct)
        {
            var lastSends = new Dictionary<string, IReadOnlyDictionary<string, DateTimeOffset>>(StringComparer.Ordinal);
            foreach (var ofType in batch.GroupBy(e => e.Type, StringComparer.Ordinal))
            {
                var customers = ofType.Select(e => e.Customer.Id).Distinct(StringComparer.Ordinal).ToList();
                foreach (var template in (await active.ForEventAsync(ofType.Key, ct)).Triggered.Where(t => t.QuietPeriod is not null))
                {
                    lastSends[template.Id] = await store.Surveys.LastQuietPeriodSendsAsync(template.Id, customers, ct);
                }
            }
            return new BatchReads(
                store,
                batch.Count == 0 ? new Dictionary<string, EventOutcome>() : await store.Events.GetOutcomesAsync([.. batch.Select(e => e.Id)], ct),
                await store.Suppressions.SuppressedAmongAsync(batch.Select(e => e.Customer.Email), ct),
                lastSends);
        }

        public Task<EventOutcome?> OutcomeAsync(string eventId, CancellationToken ct) => Task.FromResult(outcomes.GetValueOrDefault(eventId));

        public Task<bool> SuppressedAsync(string? email, CancellationToken ct) =>
            Task.FromResult(suppressed.IsSuppressed(email));

        public Task<bool> SurveyedSinceAsync(string customerId, string templateId, DateTimeOffset since, CancellationToken ct) =>
            lastSends.TryGetValue(templateId, out var last)
                ? Task.FromResult(last.TryGetValue(customerId, out var at) && at >= since)
                : store.SurveyedSinceAsync(customerId, templateId, since, ct);
    }
}
