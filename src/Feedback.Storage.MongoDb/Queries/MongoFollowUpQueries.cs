using Feedback.Core.FollowUps;
using Feedback.Core.Storage;
using Feedback.Storage.MongoDb.Documents;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb.Queries;

/// <summary>The look-ups, list filters and compare-and-set of <c>followUps</c>, and the collection's indexes.</summary>
internal static class MongoFollowUpQueries
{
    private static FilterDefinitionBuilder<FollowUpDocument> Filter => Builders<FollowUpDocument>.Filter;
    private static IndexKeysDefinitionBuilder<FollowUpDocument> Keys => Builders<FollowUpDocument>.IndexKeys;

    public static FilterDefinition<FollowUpDocument> ById(string id) => Filter.Eq(f => f.Id, id);

    public static FilterDefinition<FollowUpDocument> ByResponse(string responseId) => Filter.Eq(f => f.ResponseId, responseId);

    /// <summary>The follow-up as it was at <paramref name="version"/>: a replace matches only while nobody changed it.</summary>
    public static FilterDefinition<FollowUpDocument> AtVersion(string id, int version) => Filter.Eq(f => f.Id, id) & Filter.Eq(f => f.Version, version);

    /// <summary>A page: the query's filters after its cursor (ids sort by creation).</summary>
    public static FilterDefinition<FollowUpDocument> List(FollowUpQuery query)
    {
        var filter = MongoPaging.After<FollowUpDocument>(f => f.Id, query.After);
        filter &= query.Status is { } status ? Filter.Eq(f => f.Status, status) : Filter.Empty;
        filter &= query.TemplateId is { } template ? Filter.Eq(f => f.TemplateId, template) : Filter.Empty;
        filter &= query.Assignee is { } assignee ? Filter.Eq(f => f.Assignee, assignee) : Filter.Empty;
        filter &= query.Overdue is { } overdue ? Filter.Eq(f => f.Overdue, overdue) : Filter.Empty;
        return filter;
    }

    /// <summary>Follow-ups past due, not resolved and not yet marked overdue.</summary>
    public static FilterDefinition<FollowUpDocument> Due(DateTimeOffset now) =>
        Filter.Lte(f => f.DueAt, now) & Filter.Ne(f => f.Status, FollowUpStatus.Resolved) & Filter.Eq(f => f.Overdue, false);

    public static FilterDefinition<FollowUpDocument> Unresolved() => Filter.Ne(f => f.Status, FollowUpStatus.Resolved);

    public static FilterDefinition<FollowUpDocument> UnresolvedOverdue() => Unresolved() & Filter.Eq(f => f.Overdue, true);

    /// <summary>Created in the stats period (from inclusive, to exclusive), of one template or all.</summary>
    public static FilterDefinition<FollowUpDocument> Stats(FollowUpStatsQuery query)
    {
        var filter = query.TemplateId is { } template ? Filter.Eq(f => f.TemplateId, template) : Filter.Empty;
        filter &= query.From is { } from ? Filter.Gte(f => f.CreatedAt, from) : Filter.Empty;
        filter &= query.To is { } to ? Filter.Lt(f => f.CreatedAt, to) : Filter.Empty;
        return filter;
    }

    public static FilterDefinition<FollowUpDocument> OfCustomer(string customerId) => Filter.Eq(f => f.CustomerId, customerId);

    public static IReadOnlyList<CreateIndexModel<FollowUpDocument>> Indexes { get; } =
    [
        // One follow-up per response: a second click, a retry or a race cannot open another.
        new(Keys.Ascending(f => f.ResponseId), new CreateIndexOptions { Unique = true }),
        // Lists by status in id order; the overdue job's scan; stats per template and period; erasure.
        new(Keys.Ascending(f => f.Status).Ascending(f => f.Id)),
        new(Keys.Ascending(f => f.Overdue).Ascending(f => f.DueAt)),
        new(Keys.Ascending(f => f.TemplateId).Ascending(f => f.CreatedAt)),
        new(Keys.Ascending(f => f.CustomerId)),
    ];
}
