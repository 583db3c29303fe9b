using Feedback.Core.Responses;
using Feedback.Core.Storage;
using Feedback.Core.Themes;
using Feedback.Storage.MongoDb.Documents;
using Feedback.Storage.MongoDb.Queries;
using MongoDB.Driver;
using static Feedback.Storage.MongoDb.Queries.MongoCommentTermQueries;

namespace Feedback.Storage.MongoDb;

/// <summary>
/// Comment term counts without transactions. The response store calls <see cref="MoveAsync"/> after writing the response:
/// the response's record in <c>comment_terms</c> is swapped atomically (so two concurrent answers each take back what the
/// other added), then the counts move in one unordered bulk of <c>$inc</c> upserts. A crash in between leaves them off
/// until a rebuild, as with the score rollups (docs/mongodb.md).
/// </summary>
internal sealed class MongoCommentTermStore(MongoCollections db) : ICommentTermStore
{
    private const int InsertBatch = 1000;

    /// <summary>Replaces what <paramref name="responseId"/>'s comment counts with <paramref name="next"/> (null: no comment).</summary>
    public static async Task MoveAsync(MongoCollections db, string responseId, CommentTerms? next, CancellationToken ct)
    {
        var byId = Builders<CommentTermsDocument>.Filter.Eq(c => c.Id, responseId);
        var previous = next is null
            ? await db.CommentTerms().FindOneAndDeleteAsync(byId, cancellationToken: ct)
            : await db.CommentTerms().FindOneAndReplaceAsync(byId, CommentTermsDocument.From(next),
                new FindOneAndReplaceOptions<CommentTermsDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.Before }, ct);
        await CountAsync(db, previous?.ToCommentTerms(), next, ct);
    }

    /// <summary>Takes the customer's comments out of the counts, one record at a time so a concurrent erasure takes each once.</summary>
    public static async Task EraseAsync(MongoCollections db, string customerId, CancellationToken ct)
    {
        var ids = await db.CommentTerms().Find(OfCustomer(customerId)).Project(c => c.Id).ToListAsync(ct);
        foreach (var id in ids)
        {
            if (await db.CommentTerms().FindOneAndDeleteAsync(Builders<CommentTermsDocument>.Filter.Eq(c => c.Id, id), cancellationToken: ct) is { } gone)
            {
                await CountAsync(db, gone.ToCommentTerms(), null, ct);
            }
        }
    }

    private static async Task CountAsync(MongoCollections db, CommentTerms? previous, CommentTerms? next, CancellationToken ct)
    {
        List<WriteModel<TermCountDocument>> moves = [.. previous is null ? [] : Move(previous, -1), .. next is null ? [] : Move(next, +1)];
        if (moves.Count > 0)
        {
            await db.TermCounts().BulkWriteAsync(moves, new BulkWriteOptions { IsOrdered = false }, ct);
        }
        if (previous is not null)
        {
            await db.TermCounts().DeleteManyAsync(Emptied(previous), ct);
        }
    }

    public async Task<IReadOnlyList<TermCount>> CountAsync(TermCountQuery query, ScoreBand segment, int minSegmentComments, CancellationToken ct = default) =>
        (await (await db.TermCounts().AggregateAsync(Summed(query, segment, minSegmentComments), cancellationToken: ct)).ToListAsync(ct))
            .Select(d => new TermCount(d["_id"]["language"].AsString, d["_id"]["term"].AsString, d["low"].ToInt64(), d["middle"].ToInt64(), d["high"].ToInt64()))
            .ToList();

    public async Task<IReadOnlyList<TermExample>> ExamplesAsync(TermCountQuery query, IReadOnlySet<ScoreBand> bands,
        IReadOnlyCollection<(string Language, string Term)> terms, int perTerm, CancellationToken ct = default)
    {
        var examples = new List<TermExample>();
        if (terms.Count == 0 || perTerm <= 0)
        {
            return examples;
        }
        var found = terms.ToDictionary(t => t, _ => 0);
        using var cursor = await db.CommentTerms().Find(Examples(query, bands, terms.Select(t => t.Term).Distinct()))
            .Sort(NewestFirst).ToCursorAsync(ct);
        while (found.Values.Any(n => n < perTerm) && await cursor.MoveNextAsync(ct))
        {
            foreach (var comment in cursor.Current)
            {
                foreach (var term in comment.Terms.Select(t => (comment.Language, t)).Where(k => found.TryGetValue(k, out var n) && n < perTerm))
                {
                    found[term]++;
                    examples.Add(new TermExample(term.Language, term.t, comment.Id));
                }
            }
        }
        return examples;
    }

    /// <summary>Without transactions an answer landing during a rebuild can be missed or counted twice: run it when quiet.</summary>
    public async Task<TermRebuild> RebuildAsync(CancellationToken ct = default)
    {
        var tally = new Dictionary<TermCountKey, TermCountDocument>();
        var records = new List<CommentTermsDocument>();
        using (var cursor = await db.Responses.Find(Builders<ResponseDocument>.Filter.Eq(r => r.HasComment, true)).ToCursorAsync(ct))
        {
            while (await cursor.MoveNextAsync(ct))
            {
                foreach (var comment in cursor.Current.Select(d => CommentTerms.Of(d.ToResponse())).OfType<CommentTerms>())
                {
                    records.Add(CommentTermsDocument.From(comment));
                    foreach (var (term, count) in comment.Rows())
                    {
                        var key = new TermCountKey(comment.TemplateId, RollupDocument.Day(comment.Day), comment.Language, term);
                        var row = tally.GetValueOrDefault(key) ?? new TermCountDocument { Id = key, Kind = comment.Kind };
                        tally[key] = new TermCountDocument
                        {
                            Id = key, Kind = row.Kind,
                            Low = row.Low + (comment.Band == ScoreBand.Low ? count : 0),
                            Middle = row.Middle + (comment.Band == ScoreBand.Middle ? count : 0),
                            High = row.High + (comment.Band == ScoreBand.High ? count : 0),
                        };
                    }
                }
            }
        }
        await db.CommentTerms().DeleteManyAsync(Builders<CommentTermsDocument>.Filter.Empty, ct);
        await db.TermCounts().DeleteManyAsync(Builders<TermCountDocument>.Filter.Empty, ct);
        foreach (var batch in records.Chunk(InsertBatch))
        {
            await db.CommentTerms().InsertManyAsync(batch, new InsertManyOptions { IsOrdered = false }, ct);
        }
        foreach (var batch in tally.Values.Chunk(InsertBatch))
        {
            await db.TermCounts().InsertManyAsync(batch, new InsertManyOptions { IsOrdered = false }, ct);
        }
        await db.TermState().ReplaceOneAsync(Builders<TermStateDocument>.Filter.Eq(s => s.Id, TermStateDocument.AnalysisId),
            new TermStateDocument { Id = TermStateDocument.AnalysisId, Version = CommentAnalyzer.Version }, new ReplaceOptions { IsUpsert = true }, ct);
        return new TermRebuild(records.Count, tally.Count);
    }

    public async Task<int?> VersionAsync(CancellationToken ct = default) =>
        (await db.TermState().Find(Builders<TermStateDocument>.Filter.Eq(s => s.Id, TermStateDocument.AnalysisId)).SingleOrDefaultAsync(ct))?.Version;
}
