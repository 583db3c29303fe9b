using Feedback.Storage.MongoDb.Documents;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb.Queries;

/// <summary>The filters, updates and indexes of <c>events</c>; the event id is the <c>_id</c>, unique without a further index.</summary>
internal static class MongoEventQueries
{
    private static FilterDefinitionBuilder<EventDocument> Filter => Builders<EventDocument>.Filter;

    public static FilterDefinition<EventDocument> ById(string id) => Filter.Eq(e => e.Id, id);

    public static FilterDefinition<EventDocument> ByIds(IEnumerable<string> ids) => Filter.In(e => e.Id, ids);

    /// <summary>Events whose outcome is recorded; one still pending has none yet, as <c>GetOutcomeAsync</c> says.</summary>
    public static FilterDefinition<EventDocument> Recorded() => Filter.Exists(e => e.Outcome, true);

    /// <summary>A batch's outcomes as one unordered bulk write: each recorded only while its event has none (<see cref="Unrecorded"/>).</summary>
    public static List<WriteModel<EventDocument>> RecordEach(IEnumerable<(string EventId, EventOutcomeDocument Outcome)> outcomes) =>
        [.. outcomes.Select(o => (WriteModel<EventDocument>)new UpdateOneModel<EventDocument>(Unrecorded(o.EventId), Record(o.Outcome)))];

    /// <summary>The event while its outcome is not recorded: only the first of concurrent finishers records it.</summary>
    public static FilterDefinition<EventDocument> Unrecorded(string id) => Filter.Eq(e => e.Id, id) & Filter.Exists(e => e.Outcome, false);

    /// <summary>Answering a known event id is the hot path of ingestion; the pending intent is not needed for it.</summary>
    public static ProjectionDefinition<EventDocument> WithoutIntent() => Builders<EventDocument>.Projection.Exclude(e => e.Pending);

    public static UpdateDefinition<EventDocument> Record(EventOutcomeDocument outcome) =>
        Builders<EventDocument>.Update.Set(e => e.Outcome, outcome).Unset(e => e.Pending);

    public static FilterDefinition<EventDocument> ReceivedBefore(DateTimeOffset before) => Filter.Lt(e => e.ReceivedAt, before);

    /// <summary>Retention is the purge job's (one mechanism for both adapters), so this is a plain index, not a TTL index.</summary>
    public static IReadOnlyList<CreateIndexModel<EventDocument>> Indexes { get; } =
    [
        new(Builders<EventDocument>.IndexKeys.Ascending(e => e.ReceivedAt)),
    ];
}
