using System.Runtime.CompilerServices;
using Feedback.Core.Common;
using Feedback.Core.FollowUps;
using Feedback.Core.Storage;
using Feedback.Storage.MongoDb.Documents;
using Feedback.Storage.MongoDb.Queries;
using MongoDB.Driver;
using static Feedback.Storage.MongoDb.Queries.MongoFollowUpQueries;

namespace Feedback.Storage.MongoDb;

/// <summary>
/// Follow-ups without transactions. The response store writes an answer's follow-up change onto the response document in
/// the answer's own write (<see cref="PendingFollowUpDocument"/>), then applies it here (<see cref="ApplyAsync"/>) and
/// removes it; applying is idempotent, so <see cref="FinishPendingAsync"/> repeats what a crash interrupted. Every other
/// change is a compare-and-set on <c>version</c>.
/// </summary>
internal sealed class MongoFollowUpStore(MongoCollections db) : IFollowUpStore
{
    private const int MaxAttempts = 10;

    public async Task<FollowUp?> GetAsync(string id, CancellationToken ct = default) =>
        (await db.FollowUps.Find(ById(id)).SingleOrDefaultAsync(ct))?.ToFollowUp();

    public async Task<FollowUp?> GetByResponseAsync(string responseId, CancellationToken ct = default) =>
        (await db.FollowUps.Find(ByResponse(responseId)).SingleOrDefaultAsync(ct))?.ToFollowUp();

    public Task<Page<FollowUp>> ListAsync(FollowUpQuery query, CancellationToken ct = default) =>
        MongoPaging.ReadPageAsync(db.FollowUps, List(query), MongoPaging.By<FollowUpDocument>(f => f.Id), query.Limit, d => d.ToFollowUp(), f => f.Id, ct);

    public async Task<bool> ReplaceAsync(FollowUp updated, int expectedVersion, CancellationToken ct = default) =>
        (await db.FollowUps.ReplaceOneAsync(AtVersion(updated.Id, expectedVersion), FollowUpDocument.From(updated), cancellationToken: ct)).MatchedCount == 1;

    // Each is marked by a compare-and-set on its version: of two runs at once, one marks it and reports it.
    public async Task<IReadOnlyList<FollowUp>> MarkOverdueAsync(DateTimeOffset now, int limit, CancellationToken ct = default)
    {
        var due = await db.FollowUps.Find(Due(now)).SortBy(f => f.DueAt).Limit(limit).ToListAsync(ct);
        var marked = new List<FollowUp>(due.Count);
        foreach (var document in due)
        {
            var followUp = document.ToFollowUp();
            var overdue = followUp with { Overdue = true, UpdatedAt = now, Version = followUp.Version + 1 };
            if (await ReplaceAsync(overdue, followUp.Version, ct))
            {
                marked.Add(overdue);
            }
        }
        return marked;
    }

    public async IAsyncEnumerable<FollowUp> StreamAsync(FollowUpStatsQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var cursor = await db.FollowUps.Find(Stats(query)).SortBy(f => f.Id).ToCursorAsync(ct);
        while (await cursor.MoveNextAsync(ct))
        {
            foreach (var document in cursor.Current)
            {
                yield return document.ToFollowUp();
            }
        }
    }

    public async Task<(long Open, long Overdue)> CountUnresolvedAsync(CancellationToken ct = default) =>
        (await db.FollowUps.CountDocumentsAsync(Unresolved(), cancellationToken: ct),
         await db.FollowUps.CountDocumentsAsync(UnresolvedOverdue(), cancellationToken: ct));

    public async Task<int> EraseCustomerAsync(string customerId, DateTimeOffset at, CancellationToken ct = default)
    {
        var erased = 0;
        foreach (var document in await db.FollowUps.Find(OfCustomer(customerId)).ToListAsync(ct))
        {
            for (var (followUp, attempt) = (document.ToFollowUp(), 1); attempt <= MaxAttempts; attempt++)
            {
                if (followUp.Erased(at) is not { } blank)
                {
                    break;
                }
                if (await ReplaceAsync(blank, followUp.Version, ct))
                {
                    erased++;
                    break;
                }
                if (await GetAsync(followUp.Id, ct) is not { } reread)
                {
                    break;
                }
                followUp = reread;
            }
        }
        return erased;
    }

    public async Task<int> FinishPendingAsync(CancellationToken ct = default)
    {
        var finished = 0;
        foreach (var response in await db.Responses.Find(MongoResponseQueries.WithPendingFollowUp()).ToListAsync(ct))
        {
            await ApplyAsync(db, response.Id, response.PendingFollowUp!, ct);
            finished++;
        }
        return finished;
    }

    /// <summary>
    /// Applies a pending change of response <paramref name="responseId"/> and removes it from the response; returns the
    /// follow-up it opened. Repeating it changes nothing more (the unique response id keeps a second from opening; a
    /// note already there is not added again).
    /// </summary>
    public static async Task<FollowUp?> ApplyAsync(MongoCollections db, string responseId, PendingFollowUpDocument pending, CancellationToken ct)
    {
        var change = pending.ToChange(responseId);
        var opened = await ApplyAsync(db, change, ct);
        await db.Responses.UpdateOneAsync(MongoResponseQueries.PendingFollowUp(responseId, pending.Key), MongoResponseQueries.FollowUpApplied(), cancellationToken: ct);
        return opened;
    }

    private static async Task<FollowUp?> ApplyAsync(MongoCollections db, FollowUpChange change, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var existing = (await db.FollowUps.Find(ByResponse(change.ResponseId)).SingleOrDefaultAsync(ct))?.ToFollowUp();
            if (existing is not null)
            {
                if (change.ApplyTo(existing) is not { } updated
                    || (await db.FollowUps.ReplaceOneAsync(AtVersion(existing.Id, existing.Version), FollowUpDocument.From(updated), cancellationToken: ct)).MatchedCount == 1)
                {
                    return null;
                }
                continue;
            }
            if (change.Open is not { } open)
            {
                return null;
            }
            try
            {
                await db.FollowUps.InsertOneAsync(FollowUpDocument.From(open), cancellationToken: ct);
                return open;
            }
            catch (MongoWriteException e) when (e.IsDuplicateKey())
            {
                // Opened in between (by a recovery of the same change, or a concurrent answer): bring that one up to date.
            }
        }
        throw new InvalidOperationException($"The follow-up of response '{change.ResponseId}' kept changing; the change stays pending.");
    }
}
