using Feedback.Core.Storage;
using Feedback.Core.Templates;
using Feedback.Storage.MongoDb.Documents;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb.Queries;

/// <summary>The filters, sorts and indexes of <c>templates</c> and <c>templateVersions</c>.</summary>
internal static class MongoTemplateQueries
{
    private static FilterDefinitionBuilder<TemplateDocument> Filter => Builders<TemplateDocument>.Filter;

    public static FilterDefinition<TemplateDocument> ById(string id) => Filter.Eq(t => t.Id, id);

    /// <summary>The compare-and-set condition of a replace: the template still has the version the caller read.</summary>
    public static FilterDefinition<TemplateDocument> AtVersion(string id, int version) => Filter.Eq(t => t.Id, id) & Filter.Eq(t => t.Version, version);

    public static FilterDefinition<TemplateDocument> List(TemplateQuery query) =>
        (query.Status is { } status ? Filter.Eq(t => t.Status, status) : Filter.Empty) & MongoPaging.After<TemplateDocument>(t => t.Id, query.After);

    public static FilterDefinition<TemplateDocument> ActiveByTrigger(string eventType) =>
        Filter.Eq(t => t.Trigger, eventType) & Filter.Eq(t => t.Status, TemplateStatus.Active);

    public static FilterDefinition<TemplateDocument> ActiveCancelledBy(string eventType) =>
        Filter.AnyEq(t => t.CancelOn, eventType) & Filter.Eq(t => t.Status, TemplateStatus.Active);

    public static SortDefinition<TemplateDocument> ById() => MongoPaging.By<TemplateDocument>(t => t.Id);

    public static FilterDefinition<TemplateVersionDocument> Version(string id, int version) =>
        Builders<TemplateVersionDocument>.Filter.Eq(v => v.Id, TemplateVersionDocument.IdOf(id, version));

    public static FilterDefinition<TemplateVersionDocument> VersionsOf(string id) => Builders<TemplateVersionDocument>.Filter.Eq(v => v.TemplateId, id);

    public static SortDefinition<TemplateVersionDocument> OldestVersionFirst() => Builders<TemplateVersionDocument>.Sort.Ascending(v => v.Version);

    public static IReadOnlyList<CreateIndexModel<TemplateDocument>> Indexes { get; } =
    [
        new(Builders<TemplateDocument>.IndexKeys.Ascending(t => t.Trigger).Ascending(t => t.Status)),
        // Multikey: one entry per cancelOn event type.
        new(Builders<TemplateDocument>.IndexKeys.Ascending(t => t.CancelOn).Ascending(t => t.Status)),
    ];

    public static IReadOnlyList<CreateIndexModel<TemplateVersionDocument>> VersionIndexes { get; } =
    [
        new(Builders<TemplateVersionDocument>.IndexKeys.Ascending(v => v.TemplateId).Ascending(v => v.Version), new CreateIndexOptions { Unique = true }),
    ];
}
