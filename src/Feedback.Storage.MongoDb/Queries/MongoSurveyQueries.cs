using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Storage.MongoDb.Documents;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb.Queries;

/// <summary>The look-ups, lists, stamps and retention of <c>surveys</c>, and every index of the collection.</summary>
internal static class MongoSurveyQueries
{
    private static FilterDefinitionBuilder<SurveyDocument> Filter => Builders<SurveyDocument>.Filter;
    private static IndexKeysDefinitionBuilder<SurveyDocument> Keys => Builders<SurveyDocument>.IndexKeys;

    public static FilterDefinition<SurveyDocument> ById(string id) => Filter.Eq(s => s.Id, id);

    public static FilterDefinition<SurveyDocument> ByIds(IEnumerable<string> ids) => Filter.In(s => s.Id, ids);

    /// <summary>Which unique key an insert hit, told apart by data: a stored id or token is a clash, anything else the dedupe key.</summary>
    public static FilterDefinition<SurveyDocument> ByIdOrToken(string id, string token) => Filter.Eq(s => s.Id, id) | Filter.Eq(s => s.Token, token);

    public static ProjectionDefinition<SurveyDocument, string> IdOnly() => Builders<SurveyDocument>.Projection.Expression(s => s.Id);

    public static FilterDefinition<SurveyDocument> ByToken(string token) => Filter.Eq(s => s.Token, token);

    public static FilterDefinition<SurveyDocument> List(SurveyQuery query)
    {
        var filter = MongoPaging.After<SurveyDocument>(s => s.Id, query.After);
        filter &= query.Status is { } status ? Filter.Eq(s => s.Status, status) : Filter.Empty;
        filter &= query.TemplateId is { } template ? Filter.Eq(s => s.TemplateId, template) : Filter.Empty;
        filter &= query.SubjectId is { } subject ? Filter.Eq(s => s.SubjectId, subject) : Filter.Empty;
        filter &= query.CustomerId is { } customer ? Filter.Eq(s => s.CustomerId, customer) : Filter.Empty;
        return filter;
    }

    public static SortDefinition<SurveyDocument> ById() => MongoPaging.By<SurveyDocument>(s => s.Id);

    public static FilterDefinition<SurveyDocument> SurveyedSince(string customerId, string templateId, DateTimeOffset since) =>
        Filter.Eq(s => s.CustomerId, customerId) & Filter.Eq(s => s.TemplateId, templateId) & Filter.Gte(s => s.SendAt, since)
        & Filter.Nin(s => s.Status, SurveyStatuses.OutsideQuietPeriod);

    /// <summary>The customers' surveys of the template that block the quiet period, whatever their send time (a batch's one read).</summary>
    public static FilterDefinition<SurveyDocument> InQuietPeriodOf(string templateId, IEnumerable<string> customerIds) =>
        Filter.Eq(s => s.TemplateId, templateId) & Filter.In(s => s.CustomerId, customerIds) & Filter.Nin(s => s.Status, SurveyStatuses.OutsideQuietPeriod);

    public static FilterDefinition<SurveyDocument> Pending() => Filter.In(s => s.Status, SurveyStatuses.Pending);

    public static FilterDefinition<SurveyDocument> Purgeable(DateTimeOffset before) => Filter.In(s => s.Status, SurveyStatuses.Terminal) & Filter.Lt(s => s.CreatedAt, before);

    /// <summary>
    /// A pipeline update that sets each given time only where none is stored yet (first report wins) in one atomic
    /// write; null when there is nothing to stamp.
    /// </summary>
    public static UpdateDefinition<SurveyDocument>? Stamp(DateTimeOffset? deliveredAt, DateTimeOffset? openedAt)
    {
        var set = new BsonDocument();
        AddFirstWins(set, nameof(SurveyDocument.DeliveredAt), deliveredAt);
        AddFirstWins(set, nameof(SurveyDocument.OpenedAt), openedAt);
        return set.ElementCount == 0 ? null : Builders<SurveyDocument>.Update.Pipeline(new BsonDocument[] { new("$set", set) });
    }

    private static void AddFirstWins(BsonDocument set, string member, DateTimeOffset? value)
    {
        if (value is { } at)
        {
            var field = BsonClassMap.LookupClassMap(typeof(SurveyDocument)).GetMemberMap(member).ElementName;
            set.Add(field, new BsonDocument("$ifNull", new BsonArray { "$" + field, new BsonDateTime(at.UtcDateTime) }));
        }
    }

    /// <summary>
    /// The status-scoped indexes are partial on the one status their queries name (each query filters on it), so a new
    /// scheduled survey enters the claim, subject and template indexes only, and a status change moves a survey between
    /// few indexes. <c>status+createdAt</c> stays whole: retention and the outbox depth read statuses by it.
    /// </summary>
    public static IReadOnlyList<CreateIndexModel<SurveyDocument>> Indexes { get; } =
    [
        new(Keys.Ascending(s => s.Token), new CreateIndexOptions { Unique = true }),
        // Only live surveys carry a dedupe key (cancelling unsets it), so only they collide.
        new(Keys.Ascending(s => s.DedupeKey), new CreateIndexOptions<SurveyDocument>
        {
            Unique = true,
            PartialFilterExpression = Filter.Exists(s => s.DedupeKey),
        }),
        new(Keys.Ascending(s => s.SendAt), Of(SurveyStatus.Scheduled)),
        new(Keys.Ascending(s => s.LeaseUntil), Of(SurveyStatus.Sending)),
        // reminderSentAt before reminderAt: surveys already reminded leave the scanned range instead of piling up in it until they expire.
        new(Keys.Ascending(s => s.ReminderSentAt).Ascending(s => s.ReminderAt), Of(SurveyStatus.Sent)),
        new(Keys.Ascending(s => s.ExpiresAt), Of(SurveyStatus.Sent)),
        new(Keys.Ascending(s => s.CustomerId).Ascending(s => s.TemplateId).Ascending(s => s.SendAt)),
        new(Keys.Ascending(s => s.SubjectId), Of(SurveyStatus.Scheduled)),
        new(Keys.Ascending(s => s.TemplateId), Of(SurveyStatus.Scheduled)),
        new(Keys.Ascending(s => s.Status).Ascending(s => s.CreatedAt)),
    ];

    /// <summary>The whole-collection indexes the partial ones above replaced, by their default names; start-up drops them.</summary>
    public static IReadOnlyList<string> RetiredIndexes { get; } =
    [
        "status_1_sendAt_1", "status_1_leaseUntil_1", "status_1_reminderSentAt_1_reminderAt_1", "status_1_expiresAt_1",
        "subjectId_1_status_1", "templateId_1_status_1",
    ];

    private static CreateIndexOptions<SurveyDocument> Of(SurveyStatus status) =>
        new() { PartialFilterExpression = Filter.Eq(s => s.Status, status) };
}
