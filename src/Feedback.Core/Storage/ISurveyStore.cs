using Feedback.Core.Common;
using Feedback.Core.Surveys;

namespace Feedback.Core.Storage;

/// <summary>Filters of a survey list; null filters match everything. <see cref="After"/> is the decoded cursor (last id).</summary>
public sealed record SurveyQuery(
    SurveyStatus? Status = null,
    string? TemplateId = null,
    string? SubjectId = null,
    string? CustomerId = null,
    string? After = null,
    int Limit = PageCursor.DefaultLimit);

/// <summary>
/// Surveys as records: added once (deduplicated), read by id, token or filters, cancelled while still scheduled, and
/// stamped with what the mail provider reports. Sending them is <see cref="ISurveyOutbox"/>'s, their later life
/// (reminders, expiry, retention, erasure) <see cref="ISurveyHousekeepingStore"/>'s. All three are views of one table or
/// collection, so a write here touches only what is its own: a cancellation only a survey still scheduled, a stamp only
/// a provider time not yet recorded.
/// </summary>
public interface ISurveyStore
{
    /// <summary>
    /// Inserts a survey as given; false when a stored survey has the same <see cref="Survey.DedupeKey"/> (nothing stored).
    /// Every survey holds its key until it is cancelled (or purged), whatever its status.
    /// </summary>
    /// <exception cref="DuplicateKeyException">A survey with this id or token exists.</exception>
    Task<bool> TryAddAsync(Survey survey, CancellationToken ct = default);

    Task<Survey?> GetAsync(string id, CancellationToken ct = default);

    Task<Survey?> GetByTokenAsync(string token, CancellationToken ct = default);

    /// <summary>Surveys matching every given filter, ordered by id (creation order), paged by an opaque cursor.</summary>
    Task<Page<Survey>> ListAsync(SurveyQuery query, CancellationToken ct = default);

    /// <summary>
    /// Whether the customer has a survey of the template that blocks the quiet period (any status but
    /// <see cref="SurveyStatuses.OutsideQuietPeriod"/>) with <c>sendAt ≥ since</c>.
    /// </summary>
    Task<bool> SurveyedSinceAsync(string customerId, string templateId, DateTimeOffset since, CancellationToken ct = default);

    /// <summary>
    /// For each of <paramref name="customerIds"/> that has one, the latest <c>sendAt</c> among its surveys of the template
    /// that block the quiet period (as in <see cref="SurveyedSinceAsync"/>, which is true exactly when this is ≥ since).
    /// </summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> LastQuietPeriodSendsAsync(string templateId, IReadOnlyCollection<string> customerIds, CancellationToken ct = default);

    /// <summary>Cancels one scheduled survey (<c>cancelledAt = at</c>, its dedupe key freed); false when it is not (or no longer) scheduled.</summary>
    Task<bool> CancelAsync(string id, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Cancels the scheduled surveys of a subject (of the given templates, or all when null; an empty list names none); returns their ids.</summary>
    Task<IReadOnlyList<string>> CancelPendingBySubjectAsync(string subjectId, IReadOnlyCollection<string>? templateIds, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Cancels every scheduled survey of a template (it was archived); returns how many.</summary>
    Task<int> CancelPendingByTemplateAsync(string templateId, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Stamps delivery/open times reported by the mail provider (first report wins).</summary>
    Task StampAsync(string id, DateTimeOffset? deliveredAt, DateTimeOffset? openedAt, CancellationToken ct = default);
}
