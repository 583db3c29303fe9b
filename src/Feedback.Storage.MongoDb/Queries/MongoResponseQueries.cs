using Feedback.Core.Responses;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Storage.MongoDb.Documents;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb.Queries;

/// <summary>The look-ups and list filters of <c>responses</c>, the survey update of an answer, and the collection's indexes.</summary>
internal static class MongoResponseQueries
{
    private static FilterDefinitionBuilder<ResponseDocument> Filter => Builders<ResponseDocument>.Filter;
    private static IndexKeysDefinitionBuilder<ResponseDocument> Keys => Builders<ResponseDocument>.IndexKeys;

    public static FilterDefinition<ResponseDocument> ById(string id) => Filter.Eq(r => r.Id, id);

    /// <summary>
    /// The stored answer as <paramref name="previous"/> read it: the fields an answer or an erasure changes. An answer
    /// replaces it only while it still matches, so a write in between makes the answer decide again.
    /// </summary>
    public static FilterDefinition<ResponseDocument> Unchanged(SurveyResponse previous) =>
        Filter.Eq(r => r.Id, previous.Id) & Filter.Eq(r => r.Score, previous.Score) & Filter.Eq(r => r.Comment, previous.Comment)
        & Filter.Eq(r => r.AnsweredAt, previous.AnsweredAt) & Filter.Eq(r => r.UpdatedAt, previous.UpdatedAt)
        & Unchanged(previous.Reasons);

    // A document from before reasons has no field: it matches an empty list as "absent or []".
    private static FilterDefinition<ResponseDocument> Unchanged(IReadOnlyList<string> reasons) => reasons.Count == 0
        ? Filter.Not(Filter.SizeGt(r => r.Reasons, 0))
        : Filter.Eq(r => r.Reasons, [.. reasons]);

    /// <summary>List order: answeredAt, then id (ties); the indexes below serve it.</summary>
    public static SortDefinition<ResponseDocument> InListOrder() =>
        Builders<ResponseDocument>.Sort.Ascending(r => r.AnsweredAt).Ascending(r => r.Id);

    /// <summary>A page: the query's filters after its cursor.</summary>
    public static FilterDefinition<ResponseDocument> List(ResponseQuery query) => After(query.After) & Matching(query);

    /// <summary>The documents after a position in list order: a later answeredAt, or the same one and a greater id.</summary>
    public static FilterDefinition<ResponseDocument> After(ResponsePosition? after) => after is null
        ? Filter.Empty
        : Filter.Gt(r => r.AnsweredAt, after.AnsweredAt)
            | (Filter.Eq(r => r.AnsweredAt, after.AnsweredAt) & Filter.Gt(r => r.Id, after.Id));

    /// <summary>The query's filters alone (a stream ignores the cursor); from inclusive, to exclusive, scores inclusive.</summary>
    public static FilterDefinition<ResponseDocument> Matching(ResponseQuery query)
    {
        var filter = Filter.Empty;
        filter &= query.TemplateId is { } template ? Filter.Eq(r => r.TemplateId, template) : Filter.Empty;
        filter &= query.Kind is { } kind ? Filter.Eq(r => r.Kind, kind) : Filter.Empty;
        filter &= query.From is { } from ? Filter.Gte(r => r.AnsweredAt, from) : Filter.Empty;
        filter &= query.To is { } to ? Filter.Lt(r => r.AnsweredAt, to) : Filter.Empty;
        filter &= query.MinScore is { } min ? Filter.Gte(r => r.Score, min) : Filter.Empty;
        filter &= query.MaxScore is { } max ? Filter.Lte(r => r.Score, max) : Filter.Empty;
        filter &= query.HasComment is { } hasComment ? Filter.Eq(r => r.HasComment, hasComment) : Filter.Empty;
        filter &= query.CustomerId is { } customer ? Filter.Eq(r => r.CustomerId, customer) : Filter.Empty;
        filter &= query.Channel is { } channel ? Filter.Eq(r => r.Channel, channel) : Filter.Empty;
        filter &= query.UpdatedSince is { } since ? Filter.Gte(r => r.UpdatedAt, since) : Filter.Empty;
        filter &= query.Reason is { } reason ? Filter.AnyEq(r => r.Reasons, reason) : Filter.Empty;
        foreach (var (name, value) in query.Properties)
        {
            filter &= Filter.ElemMatch(r => r.Properties, p => p.K == name && p.V == value);
        }
        return filter;
    }

    /// <summary>What an answer does to its survey; repeating it is harmless, so a retried answer repairs a half-done one.</summary>
    public static FilterDefinition<SurveyDocument> Survey(string surveyId) => Builders<SurveyDocument>.Filter.Eq(s => s.Id, surveyId);

    public static UpdateDefinition<SurveyDocument> Answered(DateTimeOffset answeredAt) =>
        Builders<SurveyDocument>.Update.Set(s => s.Status, SurveyStatus.Answered).Set(s => s.AnsweredAt, answeredAt);

    public static IReadOnlyList<CreateIndexModel<ResponseDocument>> Indexes { get; } =
    [
        // Lists and exports in their order (answeredAt, id), all of them or per template over a time range.
        new(Keys.Ascending(r => r.AnsweredAt).Ascending(r => r.Id)),
        new(Keys.Ascending(r => r.TemplateId).Ascending(r => r.AnsweredAt).Ascending(r => r.Id)),
        // Incremental pulls (updatedSince).
        new(Keys.Ascending(r => r.UpdatedAt)),
        // A customer's answers, and their erasure.
        new(Keys.Ascending(r => r.CustomerId)),
        // The few answers whose follow-up change a crash left pending.
        new(Keys.Ascending(r => r.PendingFollowUp!.Key), new CreateIndexOptions { Sparse = true }),
    ];

    /// <summary>Answers with a follow-up change still to apply.</summary>
    public static FilterDefinition<ResponseDocument> WithPendingFollowUp() => Filter.Exists(r => r.PendingFollowUp);

    /// <summary>The pending change of <paramref name="key"/> removed, if it is still the response's (a newer answer's stays).</summary>
    public static FilterDefinition<ResponseDocument> PendingFollowUp(string responseId, string key) =>
        Filter.Eq(r => r.Id, responseId) & Filter.Eq(r => r.PendingFollowUp!.Key, key);

    public static UpdateDefinition<ResponseDocument> FollowUpApplied() => Builders<ResponseDocument>.Update.Unset(r => r.PendingFollowUp);
}
