using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Storage.MongoDb.Documents;
using Feedback.Storage.MongoDb.Queries;
using MongoDB.Driver;
using static Feedback.Storage.MongoDb.Queries.MongoOutboxQueries;
using static Feedback.Storage.MongoDb.Queries.MongoSurveyQueries;

namespace Feedback.Storage.MongoDb;

/// <summary>Reminders, expiry, retention, erasure and the outbox depth of <c>surveys</c>.</summary>
internal sealed class MongoSurveyHousekeepingStore(MongoCollections db) : ISurveyHousekeepingStore
{
    /// <summary>One atomic find-and-update per reminder: each stamps <c>reminderSentAt</c>, so no replica takes the same one again.</summary>
    public async Task<IReadOnlyList<Survey>> TakeDueRemindersAsync(DateTimeOffset now, int limit, CancellationToken ct = default)
    {
        var options = new FindOneAndUpdateOptions<SurveyDocument> { Sort = OldestReminder(), ReturnDocument = ReturnDocument.After };
        var taken = new List<Survey>();
        while (taken.Count < limit
            && await db.Surveys.FindOneAndUpdateAsync(ReminderDue(now), TakeReminder(now), options, ct) is { } survey)
        {
            taken.Add(survey.ToSurvey());
        }
        return taken;
    }

    public async Task<int> ExpireAsync(DateTimeOffset now, CancellationToken ct = default) =>
        (int)(await db.Surveys.UpdateManyAsync(Expirable(now), Expire(), cancellationToken: ct)).ModifiedCount;

    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken ct = default) =>
        (int)(await db.Surveys.DeleteManyAsync(Purgeable(before), ct)).DeletedCount;

    /// <summary>
    /// Cancels the scheduled ones with one <c>UpdateMany</c>, then erases each survey alone: every survey needs its own new
    /// token (the index on it is unique), which one update of many cannot give. Each update re-checks that the survey still
    /// holds data, so a concurrent erasure is not counted twice.
    /// </summary>
    public async Task<int> EraseCustomerAsync(string customerId, DateTimeOffset at, CancellationToken ct = default)
    {
        await db.Surveys.UpdateManyAsync(MongoErasureQueries.ScheduledOf(customerId), Cancel(at), cancellationToken: ct);
        var ids = await db.Surveys.Find(MongoErasureQueries.NotErasedOf(customerId)).Project(s => s.Id).ToListAsync(ct);
        var erased = 0;
        foreach (var id in ids)
        {
            var result = await db.Surveys.UpdateOneAsync(MongoErasureQueries.NotErased(id), MongoErasureQueries.EraseSurvey(SurveyTokens.New()), cancellationToken: ct);
            erased += (int)result.ModifiedCount;
        }
        return erased;
    }

    public Task<long> CountPendingAsync(CancellationToken ct = default) => db.Surveys.CountDocumentsAsync(Pending(), cancellationToken: ct);
}
