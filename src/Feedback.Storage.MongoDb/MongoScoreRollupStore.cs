using Feedback.Core.Scoring;
using Feedback.Core.Storage;
using Feedback.Storage.MongoDb.Documents;
using Feedback.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb;

/// <summary>
/// Reads the rollups the response and survey stores keep with <c>$inc</c> upserts. A rebuild streams the responses and
/// sent surveys into memory (rows, not answers), then replaces the collection's documents; without transactions an
/// answer landing during a rebuild can be missed or counted twice (docs/mongodb.md): run it when quiet, or twice.
/// </summary>
internal sealed class MongoScoreRollupStore(MongoCollections db) : IScoreRollupStore
{
    private const int InsertBatch = 1000;

    public async Task<IReadOnlyList<ScoreRollup>> QueryAsync(RollupQuery query, CancellationToken ct = default) => query.Buckets != RollupBuckets.Day
        ? (await (await db.Rollups.AggregateAsync(MongoRollupQueries.Summed(query), cancellationToken: ct)).ToListAsync(ct))
            .Select(row => MongoRollupQueries.SummedRow(query, row)).ToList()
        : (await db.Rollups.Find(MongoRollupQueries.Matching(query)).ToListAsync(ct)).Select(d => d.ToRollup()).ToList();

    public async Task<RollupRebuild> RebuildAsync(CancellationToken ct = default)
    {
        var tally = new RollupTally(db.Pairs);
        await ForEachAsync(db.Responses, Builders<ResponseDocument>.Filter.Empty, d => tally.AddResponse(d.ToResponse()), ct);
        await ForEachAsync(db.Surveys, Builders<SurveyDocument>.Filter.Ne(s => s.SentAt, null), d => tally.AddSent(d.ToSurvey()), ct);
        var rows = tally.ToRollups();
        await db.Rollups.DeleteManyAsync(Builders<RollupDocument>.Filter.Empty, ct);
        foreach (var batch in rows.Select(RollupDocument.From).Chunk(InsertBatch))
        {
            await db.Rollups.InsertManyAsync(batch, new InsertManyOptions { IsOrdered = false }, ct);
        }
        return new RollupRebuild(rows.Count, tally.Responses, tally.Sent);
    }

    private static async Task ForEachAsync<T>(IMongoCollection<T> collection, FilterDefinition<T> filter, Action<T> add, CancellationToken ct)
    {
        using var cursor = await collection.Find(filter).ToCursorAsync(ct);
        while (await cursor.MoveNextAsync(ct))
        {
            foreach (var document in cursor.Current)
            {
                add(document);
            }
        }
    }
}
