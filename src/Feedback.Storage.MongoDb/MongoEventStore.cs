using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Storage.MongoDb.Documents;
using MongoDB.Driver;
using static Feedback.Storage.MongoDb.Queries.MongoEventQueries;

namespace Feedback.Storage.MongoDb;

/// <summary>
/// Idempotent event recording without a transaction. (1) Insert the event with its whole intent (planned outcome and
/// surveys) under the unique event id; the loser of a race, or a retry after a crash, finds the stored intent and
/// finishes that instead of its own. (2) Insert the intent's surveys unordered: one already stored under its id came
/// from an earlier attempt and stands, one that hits a live survey's dedupe key becomes a <c>duplicate</c> skip.
/// (3) Record the outcome only if none is recorded yet; a finisher that loses gets the recorded outcome and deletes
/// the surveys that only it inserted and that outcome left out. Until (3) the event has no outcome, so
/// <see cref="GetOutcomeAsync"/> says null and the caller's retry comes back here to finish it.
/// </summary>
internal sealed class MongoEventStore(MongoCollections db) : IEventStore
{
    public async Task<EventOutcome?> GetOutcomeAsync(string eventId, CancellationToken ct = default) =>
        (await db.Events.Find(ById(eventId)).Project<EventDocument>(WithoutIntent()).SingleOrDefaultAsync(ct))?.Outcome?.ToOutcome(eventId);

    public async Task<IReadOnlyDictionary<string, EventOutcome>> GetOutcomesAsync(IReadOnlyCollection<string> eventIds, CancellationToken ct = default) =>
        (await db.Events.Find(ByIds(eventIds) & Recorded()).Project<EventDocument>(WithoutIntent()).ToListAsync(ct))
            .ToDictionary(d => d.Id, d => d.Outcome!.ToOutcome(d.Id), StringComparer.Ordinal);

    public async Task<EventOutcome> RecordAsync(FeedbackEvent feedbackEvent, EventOutcome outcome, IReadOnlyList<Survey> surveys, DateTimeOffset receivedAt, CancellationToken ct = default)
    {
        var intent = new PendingEventDocument { Outcome = EventOutcomeDocument.From(outcome), Surveys = [.. surveys.Select(SurveyDocument.From)] };
        try
        {
            await db.Events.InsertOneAsync(new EventDocument { Id = feedbackEvent.Id, Type = feedbackEvent.Type, ReceivedAt = receivedAt, Pending = intent }, cancellationToken: ct);
        }
        catch (MongoWriteException e) when (e.IsDuplicateKey())
        {
            var stored = await db.Events.Find(ById(feedbackEvent.Id)).SingleOrDefaultAsync(ct)
                ?? throw new InvalidOperationException($"Event '{feedbackEvent.Id}' was purged while it was being recorded; send it again.", e);
            if (stored.Outcome is { } recorded)
            {
                return recorded.ToOutcome(feedbackEvent.Id);
            }
            intent = stored.Pending ?? throw new InvalidDataException($"Event '{feedbackEvent.Id}' has neither an outcome nor a pending intent.");
        }
        return await FinishAsync(feedbackEvent.Id, intent, ct);
    }

    /// <summary>
    /// The same three steps as <see cref="RecordAsync"/>, each one bulk write for the whole batch: the events with their
    /// intents (unordered; an id already stored finishes or answers what is stored), every intent's surveys, then the
    /// outcomes. When some outcome was recorded by another finisher first, the batch reads the recorded ones back and
    /// deletes the surveys only it inserted that those outcomes leave out.
    /// </summary>
    public async Task<IReadOnlyList<EventOutcome>> RecordManyAsync(IReadOnlyList<PlannedEvent> planned, DateTimeOffset receivedAt, CancellationToken ct = default)
    {
        if (planned.Count == 0)
        {
            return [];
        }
        var ids = planned.Select(p => p.Event.Id).ToList();
        var intents = planned.Select(p => new PendingEventDocument { Outcome = EventOutcomeDocument.From(p.Outcome), Surveys = [.. p.Surveys.Select(SurveyDocument.From)] }).ToList();
        var recorded = new EventOutcome?[planned.Count];
        try
        {
            await db.Events.InsertManyAsync(planned.Select((p, i) => new EventDocument { Id = p.Event.Id, Type = p.Event.Type, ReceivedAt = receivedAt, Pending = intents[i] }),
                new InsertManyOptions { IsOrdered = false }, ct);
        }
        catch (MongoBulkWriteException<EventDocument> e) when (e.IsDuplicateKey())
        {
            var taken = e.WriteErrors.Select(w => ids[w.Index]).ToList();
            var stored = (await db.Events.Find(ByIds(taken)).ToListAsync(ct)).ToDictionary(d => d.Id);
            foreach (var i in e.WriteErrors.Select(w => w.Index))
            {
                var document = stored.GetValueOrDefault(ids[i]) ?? throw new InvalidOperationException($"Event '{ids[i]}' was purged while it was being recorded; send it again.", e);
                if (document.Outcome is { } outcome)
                {
                    recorded[i] = outcome.ToOutcome(ids[i]);
                }
                else
                {
                    intents[i] = document.Pending ?? throw new InvalidDataException($"Event '{ids[i]}' has neither an outcome nor a pending intent.");
                }
            }
        }
        var open = Enumerable.Range(0, planned.Count).Where(i => recorded[i] is null).ToList();
        var (inserted, duplicates) = await InsertSurveysAsync([.. open.SelectMany(i => intents[i].Surveys)], ct);
        var finals = open.ToDictionary(i => i, i => WithoutDuplicates(intents[i].Outcome, duplicates));
        if (open.Count > 0)
        {
            var result = await db.Events.BulkWriteAsync(RecordEach(open.Select(i => (ids[i], finals[i]))), new BulkWriteOptions { IsOrdered = false }, ct);
            if (result.ModifiedCount < open.Count)
            {
                var stored = await AdoptRecordedAsync([.. open.Select(i => ids[i])], inserted, ct);
                open.ForEach(i => finals[i] = stored[ids[i]]);
            }
        }
        return [.. Enumerable.Range(0, planned.Count).Select(i => recorded[i] ?? finals[i].AsStored().ToOutcome(ids[i]))];
    }

    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken ct = default) =>
        (int)(await db.Events.DeleteManyAsync(ReceivedBefore(before), ct)).DeletedCount;

    private async Task<EventOutcome> FinishAsync(string eventId, PendingEventDocument intent, CancellationToken ct)
    {
        var (inserted, duplicates) = await InsertSurveysAsync(intent.Surveys, ct);
        var final = WithoutDuplicates(intent.Outcome, duplicates);
        if ((await db.Events.UpdateOneAsync(Unrecorded(eventId), Record(final), cancellationToken: ct)).ModifiedCount == 1)
        {
            return final.AsStored().ToOutcome(eventId);
        }
        var winner = (await db.Events.Find(ById(eventId)).SingleAsync(ct)).Outcome
            ?? throw new InvalidDataException($"Event '{eventId}' lost the race to record an outcome that is not there.");
        var orphans = inserted.Except(winner.Surveys.Select(s => s.SurveyId)).ToList();
        if (orphans.Count > 0)
        {
            await db.Surveys.DeleteManyAsync(Queries.MongoOutboxQueries.ScheduledOfIds(orphans), ct);
        }
        return winner.ToOutcome(eventId);
    }

    private static EventOutcomeDocument WithoutDuplicates(EventOutcomeDocument planned, HashSet<string> duplicates) =>
        !planned.Surveys.Any(s => duplicates.Contains(s.SurveyId)) ? planned : new EventOutcomeDocument
        {
            Surveys = [.. planned.Surveys.Where(s => !duplicates.Contains(s.SurveyId))],
            Skipped = [.. planned.Skipped, .. planned.Surveys.Where(s => duplicates.Contains(s.SurveyId))
                .Select(s => new SkippedTemplateDocument { TemplateId = s.TemplateId, Reason = SkipReason.Duplicate })],
            Cancelled = planned.Cancelled,
        };

    /// <summary>
    /// After a lost race to record: the recorded outcomes by event id, once the surveys this call inserted that they
    /// leave out are deleted.
    /// </summary>
    private async Task<Dictionary<string, EventOutcomeDocument>> AdoptRecordedAsync(List<string> eventIds, List<string> inserted, CancellationToken ct)
    {
        var stored = (await db.Events.Find(ByIds(eventIds)).ToListAsync(ct)).ToDictionary(d => d.Id, d => d.Outcome
            ?? throw new InvalidDataException($"Event '{d.Id}' lost the race to record an outcome that is not there."));
        var kept = stored.Values.SelectMany(o => o.Surveys.Select(s => s.SurveyId)).ToHashSet();
        var orphans = inserted.Where(id => !kept.Contains(id)).ToList();
        if (orphans.Count > 0)
        {
            await db.Surveys.DeleteManyAsync(Queries.MongoOutboxQueries.ScheduledOfIds(orphans), ct);
        }
        return stored;
    }

    /// <summary>Inserts the surveys unordered; returns the ids this call inserted and those refused for a live survey's dedupe key.</summary>
    private async Task<(List<string> Inserted, HashSet<string> Duplicates)> InsertSurveysAsync(List<SurveyDocument> surveys, CancellationToken ct)
    {
        if (surveys.Count == 0)
        {
            return ([], []);
        }
        var failed = new List<string>();
        try
        {
            await db.Surveys.InsertManyAsync(surveys, new InsertManyOptions { IsOrdered = false }, ct);
        }
        catch (MongoBulkWriteException<SurveyDocument> e) when (e.IsDuplicateKey())
        {
            failed = [.. e.WriteErrors.Select(w => surveys[w.Index].Id)];
        }
        var inserted = surveys.Select(s => s.Id).Except(failed).ToList();
        if (failed.Count == 0)
        {
            return (inserted, []);
        }
        // The server names the violated index only in its message text; whether the id is stored is the stable test.
        var ours = await db.Surveys.Find(Queries.MongoSurveyQueries.ByIds(failed)).Project(Queries.MongoSurveyQueries.IdOnly()).ToListAsync(ct);
        return (inserted, failed.Except(ours).ToHashSet());
    }
}
