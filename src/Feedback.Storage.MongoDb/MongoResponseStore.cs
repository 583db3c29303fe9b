using System.Runtime.CompilerServices;
using Feedback.Core.Common;
using Feedback.Core.FollowUps;
using Feedback.Core.Responses;
using Feedback.Core.Scoring;
using Feedback.Core.Storage;
using Feedback.Core.Themes;
using Feedback.Storage.MongoDb.Documents;
using Feedback.Storage.MongoDb.Queries;
using MongoDB.Driver;
using static Feedback.Storage.MongoDb.Queries.MongoResponseQueries;

namespace Feedback.Storage.MongoDb;

/// <summary>
/// Responses without transactions. An answer writes the survey first, then the response (compare-and-set): a crash between the two
/// leaves an Answered survey without its response, and the customer's retry (same survey, same id) writes both again
/// and still reports the true previous answer. The other order would leave a response whose survey still reminds and
/// expires, and its retry would report the crashed attempt as the previous answer. The answer's follow-up change is part of
/// the response document's own write (<see cref="PendingFollowUpDocument"/>), so it is as durable as the answer; it is
/// applied to <c>followUps</c> right after, and a crash in between is finished by the next answer to the same survey or
/// by <see cref="MongoFollowUpStore.FinishPendingAsync"/> (the overdue job runs it).
/// </summary>
internal sealed class MongoResponseStore(MongoCollections db) : IResponseStore
{
    /// <summary>How often an answer is decided again because the stored one changed under it before giving up.</summary>
    private const int MaxAnswerAttempts = 10;

    public async Task<(SurveyResponse Stored, SurveyResponse? Previous, FollowUp? Opened)> AnswerSurveyAsync(
        SurveyResponse response, bool keepComment = false, FollowUpSource? followUp = null, CancellationToken ct = default)
    {
        if (response.SurveyId is not { } surveyId || response.Id != SurveyResponse.IdForSurvey(surveyId))
        {
            throw new ArgumentException($"An answer to a survey has the id rsp_{{surveyId}}, not '{response.Id}'.", nameof(response));
        }
        // Compare-and-set: read the previous answer, decide the new one from it (Core), and write it only if the stored
        // one is still what was read; else read again. So every answer sees the true previous one, and a comment posted
        // in between is never overwritten by a stale copy.
        var analysed = CommentTerms.Of(response);
        for (var attempt = 1; attempt <= MaxAnswerAttempts; attempt++)
        {
            var previousDocument = await db.Responses.Find(ById(response.Id)).SingleOrDefaultAsync(ct);
            if (previousDocument?.PendingFollowUp is { } left)
            {
                // A crash left the previous answer's follow-up change unapplied: it goes first, as it came first.
                await MongoFollowUpStore.ApplyAsync(db, previousDocument.Id, left, ct);
            }
            var previous = previousDocument?.ToResponse();
            var stored = response.Replacing(previous, keepComment);
            var pending = PendingFollowUpDocument.From(FollowUpOpening.OfAnswer(stored, previous, followUp));
            var answered = await db.Surveys.UpdateOneAsync(Survey(surveyId), Answered(stored.AnsweredAt), cancellationToken: ct);
            if (answered.MatchedCount == 0)
            {
                throw new InvalidOperationException($"Survey '{surveyId}' does not exist.");
            }
            if (await TryWriteAsync(stored, previous, pending, ct))
            {
                await CountAsync(RollupKeys.OfAnswer(stored, previous, db.Pairs), ct);
                await MongoCommentTermStore.MoveAsync(db, stored.Id, CommentTerms.Of(stored, response, analysed), ct);
                var opened = pending is null ? null : await MongoFollowUpStore.ApplyAsync(db, stored.Id, pending, ct);
                return (stored, previous, opened);
            }
        }
        throw new InvalidOperationException($"Response '{response.Id}' kept changing; the answer was not stored.");
    }

    /// <summary>Inserts the first answer, or replaces <paramref name="previous"/> if it is still the stored one.</summary>
    private async Task<bool> TryWriteAsync(SurveyResponse stored, SurveyResponse? previous, PendingFollowUpDocument? pending, CancellationToken ct)
    {
        if (previous is null)
        {
            try
            {
                await db.Responses.InsertOneAsync(ResponseDocument.From(stored, pending), cancellationToken: ct);
                return true;
            }
            catch (MongoWriteException e) when (e.IsDuplicateKey())
            {
                return false;
            }
        }
        var replaced = await db.Responses.ReplaceOneAsync(Unchanged(previous), ResponseDocument.From(stored, pending), cancellationToken: ct);
        return replaced.MatchedCount == 1;
    }

    /// <summary>An insert under the caller's id: the unique <c>_id</c> keeps the first, even when two retries race.</summary>
    public async Task<(SurveyResponse Stored, bool Created, FollowUp? Opened)> AddExternalAsync(
        SurveyResponse response, FollowUpSource? followUp = null, CancellationToken ct = default)
    {
        var pending = PendingFollowUpDocument.From(FollowUpOpening.OfAnswer(response, null, followUp));
        try
        {
            await db.Responses.InsertOneAsync(ResponseDocument.From(response, pending), cancellationToken: ct);
            await CountAsync(RollupKeys.OfAnswer(response, pairs: db.Pairs), ct);
            await MongoCommentTermStore.MoveAsync(db, response.Id, CommentTerms.Of(response), ct);
            return (response, true, pending is null ? null : await MongoFollowUpStore.ApplyAsync(db, response.Id, pending, ct));
        }
        catch (MongoWriteException e) when (e.IsDuplicateKey())
        {
            var stored = await GetAsync(response.Id, ct) ?? throw MongoErrors.Duplicate($"Response '{response.Id}' could not be stored.", e);
            return (stored, false, null);
        }
    }

    /// <summary>
    /// Rollup counts move after the response is written, one <c>$inc</c> upsert per row in one unordered bulk write: each
    /// row changes atomically, but a crash in between leaves them off until a rebuild (docs/mongodb.md).
    /// </summary>
    private Task CountAsync(IReadOnlyList<RollupDelta> deltas, CancellationToken ct) =>
        db.Rollups.BulkWriteAsync(MongoRollupQueries.Count(deltas), new BulkWriteOptions { IsOrdered = false }, ct);

    public async Task<SurveyResponse?> GetAsync(string id, CancellationToken ct = default) =>
        (await db.Responses.Find(ById(id)).SingleOrDefaultAsync(ct))?.ToResponse();

    public Task<Page<SurveyResponse>> ListAsync(ResponseQuery query, CancellationToken ct = default) =>
        MongoPaging.ReadPageAsync(db.Responses, List(query), InListOrder(), query.Limit, d => d.ToResponse(), r => ResponsePosition.Of(r).Key, ct);

    /// <summary>One server cursor read batch by batch, so an export never holds more than a batch in memory.</summary>
    public async IAsyncEnumerable<SurveyResponse> StreamAsync(ResponseQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var cursor = await db.Responses.Find(Matching(query)).Sort(InListOrder()).ToCursorAsync(ct);
        while (await cursor.MoveNextAsync(ct))
        {
            foreach (var document in cursor.Current)
            {
                yield return document.ToResponse();
            }
        }
    }

    // Term counts first; after a crash in between, a repeated erasure removes the comments and finds no terms left to take back.
    public async Task<int> EraseCustomerAsync(string customerId, DateTimeOffset at, CancellationToken ct = default)
    {
        await MongoCommentTermStore.EraseAsync(db, customerId, ct);
        return (int)(await db.Responses.UpdateManyAsync(MongoErasureQueries.CommentedOf(customerId), MongoErasureQueries.EraseComment(at), cancellationToken: ct)).ModifiedCount;
    }
}
