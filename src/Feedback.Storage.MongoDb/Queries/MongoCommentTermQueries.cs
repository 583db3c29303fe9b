using Feedback.Core.Storage;
using Feedback.Core.Themes;
using Feedback.Storage.MongoDb.Documents;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb.Queries;

/// <summary>The collections of comment term counts, the <c>$inc</c> upserts that move them, their queries and indexes.</summary>
internal static class MongoCommentTermQueries
{
    public const string CommentTermsName = "comment_terms";
    public const string CountsName = "comment_term_counts";
    public const string StateName = "comment_term_state";

    private static FilterDefinitionBuilder<TermCountDocument> Count => Builders<TermCountDocument>.Filter;
    private static FilterDefinitionBuilder<CommentTermsDocument> Record => Builders<CommentTermsDocument>.Filter;

    public static IMongoCollection<CommentTermsDocument> CommentTerms(this MongoCollections db) =>
        db.Database.GetCollection<CommentTermsDocument>(CommentTermsName);

    public static IMongoCollection<TermCountDocument> TermCounts(this MongoCollections db) =>
        db.Database.GetCollection<TermCountDocument>(CountsName);

    public static IMongoCollection<TermStateDocument> TermState(this MongoCollections db) =>
        db.Database.GetCollection<TermStateDocument>(StateName);

    /// <summary>
    /// One upsert per row of the comment (the comments row, the occurrences row and each term): adds
    /// <paramref name="delta"/> times the row's count to the comment's band.
    /// </summary>
    public static List<WriteModel<TermCountDocument>> Move(CommentTerms comment, int delta)
    {
        var day = RollupDocument.Day(comment.Day);
        return [.. comment.Rows().Select(row => new UpdateOneModel<TermCountDocument>(
            Count.Eq(c => c.Id, new TermCountKey(comment.TemplateId, day, comment.Language, row.Term)),
            Builders<TermCountDocument>.Update.SetOnInsert(c => c.Kind, comment.Kind).Inc(Band(comment.Band), (long)delta * row.Count)) { IsUpsert = true })];
    }

    /// <summary>
    /// The rows of a removed comment that no comment counts any more. An upsert creates only the band it counts, so a band
    /// never counted is missing, not 0: "not above 0" matches both.
    /// </summary>
    public static FilterDefinition<TermCountDocument> Emptied(CommentTerms comment)
    {
        var day = RollupDocument.Day(comment.Day);
        return Count.In(c => c.Id, comment.Rows().Select(r => new TermCountKey(comment.TemplateId, day, comment.Language, r.Term)))
            & Count.Not(Count.Gt(c => c.Low, 0)) & Count.Not(Count.Gt(c => c.Middle, 0)) & Count.Not(Count.Gt(c => c.High, 0));
    }

    /// <summary>Days always; kind and template when given.</summary>
    public static FilterDefinition<TermCountDocument> Matching(TermCountQuery query)
    {
        var filter = Count.Gte(c => c.Id.Day, RollupDocument.Day(query.From)) & Count.Lt(c => c.Id.Day, RollupDocument.Day(query.To));
        filter &= query.TemplateId is { } template ? Count.Eq(c => c.Id.TemplateId, template) : Count.Empty;
        filter &= query.Kind is { } kind ? Count.Eq(c => c.Kind, kind) : Count.Empty;
        return filter;
    }

    /// <summary>
    /// The query's rows summed per language and term on the server, keeping the terms at least <paramref name="minimum"/>
    /// comments of <paramref name="segment"/> contain, and the comments and occurrences rows.
    /// </summary>
    public static PipelineDefinition<TermCountDocument, BsonDocument> Summed(TermCountQuery query, ScoreBand segment, int minimum)
    {
        var band = segment switch { ScoreBand.Low => "low", ScoreBand.Middle => "middle", _ => "high" };
        BsonDocument[] stages =
        [
            new("$group", new BsonDocument
            {
                { "_id", new BsonDocument { { "language", "$_id.language" }, { "term", "$_id.term" } } },
                { "low", new BsonDocument("$sum", "$low") },
                { "middle", new BsonDocument("$sum", "$middle") },
                { "high", new BsonDocument("$sum", "$high") },
            }),
            new("$match", new BsonDocument("$or", new BsonArray
            {
                new BsonDocument(band, new BsonDocument("$gte", minimum)),
                new BsonDocument("_id.term", new BsonDocument("$in", new BsonArray { TermCount.Comments, TermCount.Occurrences })),
            })),
        ];
        return new EmptyPipelineDefinition<TermCountDocument>().Match(Matching(query)).AppendStage<TermCountDocument, TermCountDocument, BsonDocument>(stages[0])
            .AppendStage<TermCountDocument, BsonDocument, BsonDocument>(stages[1]);
    }

    /// <summary>The query's comments in the bands that hold at least one of the terms.</summary>
    public static FilterDefinition<CommentTermsDocument> Examples(TermCountQuery query, IEnumerable<ScoreBand> bands, IEnumerable<string> terms)
    {
        var filter = Record.Gte(c => c.Day, RollupDocument.Day(query.From)) & Record.Lt(c => c.Day, RollupDocument.Day(query.To));
        filter &= query.TemplateId is { } template ? Record.Eq(c => c.TemplateId, template) : Record.Empty;
        filter &= query.Kind is { } kind ? Record.Eq(c => c.Kind, kind) : Record.Empty;
        return filter & Record.In(c => c.Band, bands) & Record.AnyIn(c => c.Terms, terms);
    }

    public static SortDefinition<CommentTermsDocument> NewestFirst { get; } =
        Builders<CommentTermsDocument>.Sort.Descending(c => c.Day).Descending(c => c.Id);

    public static FilterDefinition<CommentTermsDocument> OfCustomer(string customerId) => Record.Eq(c => c.CustomerId, customerId);

    public static IReadOnlyList<CreateIndexModel<TermCountDocument>> CountIndexes { get; } =
    [
        // One template's days: the themes endpoint's usual question.
        new(Builders<TermCountDocument>.IndexKeys.Ascending(c => c.Id.TemplateId).Ascending(c => c.Id.Day)),
        // Every template of a kind.
        new(Builders<TermCountDocument>.IndexKeys.Ascending(c => c.Kind).Ascending(c => c.Id.Day)),
    ];

    public static IReadOnlyList<CreateIndexModel<CommentTermsDocument>> CommentIndexes { get; } =
    [
        // Erasure finds a customer's comments.
        new(Builders<CommentTermsDocument>.IndexKeys.Ascending(c => c.CustomerId)),
        // Examples: one template's (or one kind's) newest days first.
        new(Builders<CommentTermsDocument>.IndexKeys.Ascending(c => c.TemplateId).Descending(c => c.Day)),
        new(Builders<CommentTermsDocument>.IndexKeys.Ascending(c => c.Kind).Descending(c => c.Day)),
    ];

    private static System.Linq.Expressions.Expression<Func<TermCountDocument, long>> Band(ScoreBand band) => band switch
    {
        ScoreBand.Low => c => c.Low,
        ScoreBand.Middle => c => c.Middle,
        _ => c => c.High,
    };
}
