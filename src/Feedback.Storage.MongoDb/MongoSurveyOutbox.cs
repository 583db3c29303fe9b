using Feedback.Core.Scoring;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Storage.MongoDb.Documents;
using Feedback.Storage.MongoDb.Queries;
using MongoDB.Driver;
using static Feedback.Storage.MongoDb.Queries.MongoOutboxQueries;

namespace Feedback.Storage.MongoDb;

/// <summary>The survey outbox: claims with a lease, and the lease owner's updates, each a compare-and-set on one document.</summary>
internal sealed class MongoSurveyOutbox(MongoCollections db) : ISurveyOutbox
{
    /// <summary>
    /// Claim token over candidates: find the oldest due and lease-expired ids (two index range scans), claim them in one
    /// <c>UpdateMany</c> whose filter re-checks claimability per document, then read back what carries this call's token.
    /// Each document update is atomic, so a survey another replica claimed in between is not matched: never claimed twice.
    /// Four round trips however large the batch; under contention a call may claim fewer than were due.
    /// </summary>
    public async Task<IReadOnlyList<Survey>> ClaimDueAsync(DateTimeOffset now, string owner, TimeSpan lease, int limit, CancellationToken ct = default)
    {
        var due = await CandidatesAsync(Due(now), limit, ct);
        var expired = await CandidatesAsync(LeaseExpired(now), limit, ct);
        var ids = due.Concat(expired).OrderBy(c => c.SendAt).Take(limit).Select(c => c.Id).ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var token = Guid.NewGuid().ToString("N");
        await db.Surveys.UpdateManyAsync(Claimable(ids, now), Claim(owner, now + lease, token), cancellationToken: ct);
        var claimed = await db.Surveys.Find(ClaimedWith(ids, token)).ToListAsync(ct);
        return claimed.Select(d => d.ToSurvey()).OrderBy(s => s.SendAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<int> RecordAttemptAsync(IReadOnlyCollection<string> ids, string owner, DateTimeOffset attemptedAt, DateTimeOffset confirmUntil, CancellationToken ct = default) =>
        (int)(await db.Surveys.UpdateManyAsync(OwnedOfIds(ids, owner), RecordAttempt(attemptedAt, confirmUntil), cancellationToken: ct)).ModifiedCount;

    /// <summary>
    /// Each survey is marked atomically, the batch as a whole is not (docs/decisions.md, Reliability). A send is counted
    /// after its survey is marked (only the lease owner's mark matches, so at most once); a crash in between loses that
    /// count until a rebuild (docs/mongodb.md).
    /// </summary>
    public async Task<int> MarkSentAsync(IReadOnlyCollection<string> ids, string owner, DateTimeOffset sentAt, DateTimeOffset? reminderAt, DateTimeOffset expiresAt, CancellationToken ct = default)
    {
        var marked = new List<Survey>();
        foreach (var id in ids)
        {
            if (await db.Surveys.FindOneAndUpdateAsync(Owned(id, owner), MarkSent(sentAt, reminderAt, expiresAt), cancellationToken: ct) is { } sent)
            {
                marked.Add(sent.ToSurvey());
            }
        }
        if (marked.Count > 0)
        {
            var counts = MongoRollupQueries.Count(RollupKeys.OfSends(marked, sentAt, db.Pairs));
            await db.Rollups.BulkWriteAsync(counts, new BulkWriteOptions { IsOrdered = false }, cancellationToken: ct);
        }
        return marked.Count;
    }

    /// <summary>The survey is marked atomically, then its send counted, as in <see cref="MarkSentAsync"/>.</summary>
    public async Task<bool> ConfirmSentAsync(string id, DateTimeOffset attemptedAt, DateTimeOffset? reminderAt, DateTimeOffset expiresAt, CancellationToken ct = default)
    {
        if (await db.Surveys.FindOneAndUpdateAsync(InDoubt(id, attemptedAt), MarkSent(attemptedAt, reminderAt, expiresAt), cancellationToken: ct) is not { } sent)
        {
            return false;
        }
        var counts = MongoRollupQueries.Count(RollupKeys.OfSend(sent.ToSurvey(), attemptedAt, db.Pairs));
        await db.Rollups.BulkWriteAsync(counts, new BulkWriteOptions { IsOrdered = false }, cancellationToken: ct);
        return true;
    }

    public async Task<int> ReleaseUnsentAsync(IReadOnlyCollection<string> ids, string owner, CancellationToken ct = default) =>
        (int)(await db.Surveys.UpdateManyAsync(OwnedOfIds(ids, owner), ReleaseUnsent(), cancellationToken: ct)).ModifiedCount;

    public Task<bool> MarkUndeliverableAsync(string id, string owner, SurveyStatus status, string reason, CancellationToken ct = default) =>
        SurveyStatuses.Undeliverable.Contains(status)
            ? OwnedUpdateAsync(id, owner, MarkUndeliverable(status, reason), ct)
            : throw new ArgumentOutOfRangeException(nameof(status), status, "Only failed or suppressed end an undeliverable survey.");

    public Task<bool> ReleaseAsync(string id, string owner, DateTimeOffset retryAt, string reason, CancellationToken ct = default) =>
        OwnedUpdateAsync(id, owner, Release(retryAt, reason), ct);

    private async Task<bool> OwnedUpdateAsync(string id, string owner, UpdateDefinition<SurveyDocument> update, CancellationToken ct) =>
        (await db.Surveys.UpdateOneAsync(Owned(id, owner), update, cancellationToken: ct)).ModifiedCount == 1;

    private Task<List<Queries.ClaimCandidate>> CandidatesAsync(FilterDefinition<SurveyDocument> filter, int limit, CancellationToken ct) =>
        db.Surveys.Find(filter).Sort(OldestSendAt()).Limit(limit).Project(Candidate()).ToListAsync(ct);
}
