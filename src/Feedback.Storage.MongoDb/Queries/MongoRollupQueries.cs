using Feedback.Core.Scoring;
using Feedback.Core.Templates;
using Feedback.Storage.MongoDb.Documents;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb.Queries;

/// <summary>The <c>$inc</c> upserts that count answers and sends in <c>score_rollups</c>, its query, and its indexes.</summary>
internal static class MongoRollupQueries
{
    private static FilterDefinitionBuilder<RollupDocument> Filter => Builders<RollupDocument>.Filter;
    private static IndexKeysDefinitionBuilder<RollupDocument> Keys => Builders<RollupDocument>.IndexKeys;

    /// <summary>
    /// One upsert per row (all, channel, each property): adds <paramref name="delta"/> at <paramref name="score"/> (null
    /// for a send) and <paramref name="sent"/>; the kind is written when the row is created.
    /// </summary>
    public static List<WriteModel<RollupDocument>> Count(string templateId, SurveyKind kind, DateTimeOffset at, string channel,
        IReadOnlyDictionary<string, string> properties, int? score, int delta, int sent)
    {
        var day = RollupDocument.Day(RollupKeys.Day(at));
        var update = Builders<RollupDocument>.Update.SetOnInsert(r => r.Kind, kind);
        update = score is { } s ? update.Inc(RollupDocument.Count(s), delta) : update;
        update = sent != 0 ? update.Inc(r => r.Sent, sent) : update;
        return [.. RollupKeys.Dimensions(channel, properties).Select(d => new UpdateOneModel<RollupDocument>(
            Filter.Eq(r => r.Id, new RollupKey(templateId, d.Key, d.Value, day)), update) { IsUpsert = true })];
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

    public static IReadOnlyList<CreateIndexModel<RollupDocument>> Indexes { get; } =
    [
        // One template's rows of a dimension (and value) over days: the score endpoints' usual question.
        new(Keys.Ascending(r => r.Id.TemplateId).Ascending(r => r.Id.Dimension).Ascending(r => r.Id.Value).Ascending(r => r.Id.Day)),
        // Every template of a kind.
        new(Keys.Ascending(r => r.Kind).Ascending(r => r.Id.Dimension).Ascending(r => r.Id.Day)),
    ];
}
