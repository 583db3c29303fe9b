using Feedback.Core.Common;
using Feedback.Core.Responses;
using Feedback.Core.Templates;

namespace Feedback.Core.Storage;

/// <summary>
/// Filters of a response list; null filters match everything. <see cref="From"/>/<see cref="To"/> bound
/// <c>answeredAt</c> (from inclusive, to exclusive); <see cref="UpdatedSince"/> bounds <c>updatedAt</c> (inclusive) for
/// incremental pulls; <see cref="Properties"/> must all match exactly. <see cref="After"/> is the decoded cursor.
/// </summary>
public sealed record ResponseQuery
{
    public string? TemplateId { get; init; }
    public SurveyKind? Kind { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public int? MinScore { get; init; }
    public int? MaxScore { get; init; }
    public bool? HasComment { get; init; }
    public string? CustomerId { get; init; }
    public DateTimeOffset? UpdatedSince { get; init; }
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
    public string? After { get; init; }
    public int Limit { get; init; } = PageCursor.DefaultLimit;
}

/// <summary>Customers' answers.</summary>
public interface IResponseStore
{
    /// <summary>
    /// Records or changes the answer to a sent survey in one atomic step: the response <c>rsp_{surveyId}</c> is inserted
    /// or replaced (the last answer counts; <c>answeredAt</c> = <c>updatedAt</c> = <paramref name="response"/>'s), and the
    /// survey becomes <c>answered</c> with that <c>answeredAt</c>. Returns the stored response and the previous one
    /// (null when this is the first answer). In the same step the rollups move by
    /// <see cref="Scoring.RollupKeys.OfAnswer"/>(response, previous): the previous answer is known only inside that step, so
    /// the store calls this one Core function and persists the deltas it returns, deciding none itself.
    /// </summary>
    Task<(SurveyResponse Stored, SurveyResponse? Previous)> AnswerSurveyAsync(SurveyResponse response, CancellationToken ct = default);

    /// <summary>
    /// Stores an answer collected elsewhere and, in the same step, adds its rollup deltas
    /// (<see cref="Scoring.RollupKeys.OfAnswer"/> with no previous answer); when its id exists, nothing changes and the
    /// stored one is returned (idempotent), and nothing is counted: only the store's insert knows which call was first.
    /// </summary>
    Task<(SurveyResponse Stored, bool Created)> AddExternalAsync(SurveyResponse response, CancellationToken ct = default);

    Task<SurveyResponse?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>Responses ordered by id, paged by cursor.</summary>
    Task<Page<SurveyResponse>> ListAsync(ResponseQuery query, CancellationToken ct = default);

    /// <summary>Every response matching the query (its paging fields ignored), ordered by id, read as it streams.</summary>
    IAsyncEnumerable<SurveyResponse> StreamAsync(ResponseQuery query, CancellationToken ct = default);

    /// <summary>
    /// Removes the comments of the customer's responses (<c>updatedAt = at</c>, so incremental pulls see the change); scores
    /// stay, so aggregates stay exact. Returns how many responses changed; a repeat returns 0.
    /// </summary>
    Task<int> EraseCustomerAsync(string customerId, DateTimeOffset at, CancellationToken ct = default);
}
