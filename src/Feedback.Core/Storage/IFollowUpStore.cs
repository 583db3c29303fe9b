using Feedback.Core.Common;
using Feedback.Core.FollowUps;

namespace Feedback.Core.Storage;

/// <summary>
/// Filters of a follow-up list; null filters match everything. <see cref="After"/> is the decoded cursor: the id of the
/// last item of the previous page (ids sort by creation).
/// </summary>
public sealed record FollowUpQuery
{
    public FollowUpStatus? Status { get; init; }
    public string? TemplateId { get; init; }
    public string? Assignee { get; init; }
    public bool? Overdue { get; init; }
    public string? After { get; init; }
    public int Limit { get; init; } = PageCursor.DefaultLimit;
}

/// <summary>The follow-ups a stats query reads: of one template or all, created in [From, To) (each bound optional).</summary>
public sealed record FollowUpStatsQuery(string? TemplateId, DateTimeOffset? From, DateTimeOffset? To);

/// <summary>
/// Follow-ups. They are opened and kept in step with their answer by the response store, in the answer's own durable step
/// (<see cref="IResponseStore.AnswerSurveyAsync"/>, <see cref="IResponseStore.AddExternalAsync"/>), never through this
/// port: one per response, unique by <see cref="FollowUp.ResponseId"/>. This port reads them and records what people and
/// the overdue job do with them.
/// </summary>
public interface IFollowUpStore
{
    Task<FollowUp?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>The follow-up of a response, if it has one.</summary>
    Task<FollowUp?> GetByResponseAsync(string responseId, CancellationToken ct = default);

    /// <summary>Follow-ups in creation order (id), paged by cursor.</summary>
    Task<Page<FollowUp>> ListAsync(FollowUpQuery query, CancellationToken ct = default);

    /// <summary>
    /// Stores <paramref name="updated"/> (same id, version <paramref name="expectedVersion"/> + 1) if the stored version
    /// is still <paramref name="expectedVersion"/>; false when another change came first (compare-and-set).
    /// </summary>
    Task<bool> ReplaceAsync(FollowUp updated, int expectedVersion, CancellationToken ct = default);

    /// <summary>
    /// Marks up to <paramref name="limit"/> follow-ups whose <c>dueAt</c> is at or before <paramref name="now"/>, not resolved
    /// and not yet overdue, as overdue (version + 1, <c>updatedAt = now</c>) and returns them as marked. Each is marked by
    /// one call only, however many run at once, so its <c>followup.overdue</c> is sent once.
    /// </summary>
    Task<IReadOnlyList<FollowUp>> MarkOverdueAsync(DateTimeOffset now, int limit, CancellationToken ct = default);

    /// <summary>The follow-ups created in the query's period, streamed, for the close-the-loop figures.</summary>
    IAsyncEnumerable<FollowUp> StreamAsync(FollowUpStatsQuery query, CancellationToken ct = default);

    /// <summary>How many follow-ups are not resolved, and how many of those are overdue (the gauges).</summary>
    Task<(long Open, long Overdue)> CountUnresolvedAsync(CancellationToken ct = default);

    /// <summary>
    /// Blanks the customer's personal data in their follow-ups: the e-mail becomes <see cref="Erasure.Email"/>, name and
    /// comment are removed (version + 1, <c>updatedAt = at</c>). Returns how many changed; a repeat returns 0.
    /// </summary>
    Task<int> EraseCustomerAsync(string customerId, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>
    /// Finishes follow-up writes a crash interrupted after their answer was stored (an adapter without transactions records
    /// them with the answer and applies them after it); returns how many it finished. Adapters that write both in one
    /// transaction have none and return 0.
    /// </summary>
    Task<int> FinishPendingAsync(CancellationToken ct = default);
}
