using Feedback.Core.Scoring;
using Feedback.Storage.MongoDb.Documents;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb.Queries;

/// <summary>The <c>$inc</c> upserts that add Core's rollup deltas to <c>score_rollups</c>, its queries, and its indexes.</summary>
internal static class MongoRollupQueries
{
    private static FilterDefinitionBuilder<RollupDocument> Filter => Builders<RollupDocument>.Filter;
    private static IndexKeysDefinitionBuilder<RollupDocument> Keys => Builders<RollupDocument>.IndexKeys;

    /// <summary>
    /// One upsert per delta: adds its change at its score (and to the answered count for an answer to a sent survey), or
    /// to the sent count; the kind is written when the row is created.
    /// </summary>
    public static List<WriteModel<RollupDocument>> Count(IEnumerable<RollupDelta> deltas) => [.. deltas.Select(Count)];

    private static UpdateOneModel<RollupDocument> Count(RollupDelta delta)
    {
        var update = Builders<RollupDocument>.Update.SetOnInsert(r => r.Kind, delta.Kind);
        update = delta.Score is { } score ? update.Inc(RollupDocument.Count(score), delta.Change) : update.Inc(r => r.Sent, delta.Change);
        update = delta.SurveyAnswer ? update.Inc(r => r.Answered, delta.Change) : update;
        var key = new RollupKey(delta.TemplateId, delta.Dimension, delta.Value, RollupDocument.Day(delta.Day));
        return new UpdateOneModel<RollupDocument>(Filter.Eq(r => r.Id, key), update) { IsUpsert = true };
    }

    /// <summary>Kind, dimension and days always; template and value when given.</summary>
    public static FilterDefinition<RollupDocument> Matching(RollupQuery query)
    {
        var filter = Filter.Eq(r => r.Kind, query.Kind) & Filter.Eq(r => r.Id.Dimension, query.Dimension)
            & Filter.Gte(r => r.Id.Day, RollupDocument.Day(query.From)) & Filter.Lt(r => r.Id.Day, RollupDocument.Day(query.To));
        filter &= query.TemplateId is { } template ? Filter.Eq(r => r.Id.TemplateId, template) : Filter.Empty;
        filter &= query.Value is { } value ? Filter.Eq(r => r.Id.Value, value) : Filter.Empty;
        return filter;
    }

    /// <summary>The element names of the counts a row holds: the histogram's, sent and answered.</summary>
    public static IReadOnlyList<string> Counts { get; } =
        [.. Enumerable.Range(0, ScoreRollup.HistogramLength).Select(RollupDocument.Count), "sent", "answered"];

    /// <summary>
    /// The rows <see cref="Matching"/> finds, summed per bucket and value on the server (<see cref="RollupQuery.Buckets"/>,
    /// not <see cref="RollupBuckets.Day"/>): <c>_id</c> is the bucket's first day and the value.
    /// </summary>
    public static PipelineDefinition<RollupDocument, BsonDocument> Summed(RollupQuery query)
    {
        var group = new BsonDocument("_id", new BsonDocument { { "day", BucketStart(query) }, { "value", "$_id.value" } });
        foreach (var count in Counts)
        {
            group.Add(count, new BsonDocument("$sum", $"${count}"));
        }
        return new EmptyPipelineDefinition<RollupDocument>().Match(Matching(query))
            .AppendStage<RollupDocument, RollupDocument, BsonDocument>(new BsonDocument("$group", group));
    }

    /// <summary>The first day of a row's bucket as ScoreSeries.BucketStart says, over the ISO day string.</summary>
    private static BsonValue BucketStart(RollupQuery query)
    {
        var day = new BsonDocument("$dateFromString", new BsonDocument { { "dateString", "$_id.day" }, { "format", "%Y-%m-%d" } });
        return query.Buckets switch
        {
            // $isoDayOfWeek is 1 on Monday: back that many days less one, in milliseconds.
            RollupBuckets.Week => new BsonDocument("$dateToString", new BsonDocument
            {
                { "format", "%Y-%m-%d" },
                { "date", new BsonDocument("$subtract", new BsonArray
                {
                    day,
                    new BsonDocument("$multiply", new BsonArray
                    {
                        new BsonDocument("$subtract", new BsonArray { new BsonDocument("$isoDayOfWeek", day), 1 }), 86_400_000L,
                    }),
                }) },
            }),
            RollupBuckets.Month => new BsonDocument("$concat", new BsonArray { new BsonDocument("$substrBytes", new BsonArray { "$_id.day", 0, 8 }), "01" }),
            RollupBuckets.Period => RollupDocument.Day(query.From),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Buckets, "Rows per day are found, not summed."),
        };
    }

    /// <summary>A row of <see cref="Summed"/> as the rollup it sums.</summary>
    public static ScoreRollup SummedRow(RollupQuery query, BsonDocument row) => new()
    {
        TemplateId = query.TemplateId ?? ScoreRollup.All,
        Kind = query.Kind,
        Day = DateOnly.ParseExact(row["_id"]["day"].AsString, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Dimension = query.Dimension,
        Value = row["_id"]["value"].AsString,
        Histogram = [.. Counts.Take(ScoreRollup.HistogramLength).Select(c => row[c].ToInt64())],
        Sent = row["sent"].ToInt64(),
        Answered = row["answered"].ToInt64(),
    };

    public static IReadOnlyList<CreateIndexModel<RollupDocument>> Indexes { get; } =
    [
        // One template's rows of a dimension (and value) over days: the score endpoints' usual question.
        new(Keys.Ascending(r => r.Id.TemplateId).Ascending(r => r.Id.Dimension).Ascending(r => r.Id.Value).Ascending(r => r.Id.Day)),
        // Every template of a kind.
        new(Keys.Ascending(r => r.Kind).Ascending(r => r.Id.Dimension).Ascending(r => r.Id.Day)),
    ];
}
