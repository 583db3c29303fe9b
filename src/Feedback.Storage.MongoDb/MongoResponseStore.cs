using System.Runtime.CompilerServices;
using Feedback.Core.Common;
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
/// Responses without transactions. An answer writes the survey first, then the response: a crash between the two
/// leaves an Answered survey without its response, and the customer's retry (same survey, same id) writes both again
/// and still reports the true previous answer. The other order would leave a response whose survey still reminds and
/// expires, and its retry would report the crashed attempt as the previous answer.
/// </summary>
internal sealed class MongoResponseStore(MongoCollections db) : IResponseStore
{
    public async Task<(SurveyResponse Stored, SurveyResponse? Previous)> AnswerSurveyAsync(SurveyResponse response, CancellationToken ct = default)
    {
        if (response.SurveyId is not { } surveyId || response.Id != SurveyResponse.IdForSurvey(surveyId))
        {
            throw new ArgumentException($"An answer to a survey has the id rsp_{{surveyId}}, not '{response.Id}'.", nameof(response));
        }
        var answered = await db.Surveys.UpdateOneAsync(Survey(surveyId), Answered(response.AnsweredAt), cancellationToken: ct);
        if (answered.MatchedCount == 0)
        {
            throw new InvalidOperationException($"Survey '{surveyId}' does not exist.");
        }
        // Replace and read the replaced document in one atomic step, so two concurrent answers each see the true previous one.
        var previous = await db.Responses.FindOneAndReplaceAsync(ById(response.Id), ResponseDocument.From(response),
            new FindOneAndReplaceOptions<ResponseDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.Before }, ct);
        var replaced = previous?.ToResponse();
        await CountAsync(RollupKeys.OfAnswer(response, replaced), ct);
        await MongoCommentTermStore.MoveAsync(db, response.Id, CommentTerms.Of(response), ct);
        return (response, replaced);
    }

    /// <summary>An insert under the caller's id: the unique <c>_id</c> keeps the first, even when two retries race.</summary>
    public async Task<(SurveyResponse Stored, bool Created)> AddExternalAsync(SurveyResponse response, CancellationToken ct = default)
    {
        try
        {
            await db.Responses.InsertOneAsync(ResponseDocument.From(response), cancellationToken: ct);
            await CountAsync(RollupKeys.OfAnswer(response), ct);
            await MongoCommentTermStore.MoveAsync(db, response.Id, CommentTerms.Of(response), ct);
            return (response, true);
        }
        catch (MongoWriteException e) when (e.IsDuplicateKey())
        {
            var stored = await GetAsync(response.Id, ct) ?? throw MongoErrors.Duplicate($"Response '{response.Id}' could not be stored.", e);
            return (stored, false);
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
        MongoPaging.ReadPageAsync(db.Responses, List(query), ById(), query.Limit, d => d.ToResponse(), r => r.Id, ct);

    /// <summary>One server cursor read batch by batch, so an export never holds more than a batch in memory.</summary>
    public async IAsyncEnumerable<SurveyResponse> StreamAsync(ResponseQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var cursor = await db.Responses.Find(Matching(query)).Sort(ById()).ToCursorAsync(ct);
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
