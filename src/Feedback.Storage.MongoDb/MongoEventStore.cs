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

    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken ct = default) =>
        (int)(await db.Events.DeleteManyAsync(ReceivedBefore(before), ct)).DeletedCount;

    private async Task<EventOutcome> FinishAsync(string eventId, PendingEventDocument intent, CancellationToken ct)
    {
        var (inserted, duplicates) = await InsertSurveysAsync(intent.Surveys, ct);
        var planned = intent.Outcome;
        var final = duplicates.Count == 0 ? planned : new EventOutcomeDocument
        {
            Surveys = [.. planned.Surveys.Where(s => !duplicates.Contains(s.SurveyId))],
            Skipped = [.. planned.Skipped, .. planned.Surveys.Where(s => duplicates.Contains(s.SurveyId))
                .Select(s => new SkippedTemplateDocument { TemplateId = s.TemplateId, Reason = SkipReason.Duplicate })],
            Cancelled = planned.Cancelled,
        };
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
