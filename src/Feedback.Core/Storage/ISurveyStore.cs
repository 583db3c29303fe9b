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

/// <summary>Surveys: the outbox of scheduled e-mails (claimed with a lease) and their life after sending.</summary>
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

    /// <summary>Whether the customer has a survey of the template, not cancelled/suppressed/failed, with <c>sendAt ≥ since</c>.</summary>
    Task<bool> SurveyedSinceAsync(string customerId, string templateId, DateTimeOffset since, CancellationToken ct = default);

    /// <summary>
    /// Atomically claims up to <paramref name="limit"/> surveys that are due (scheduled with <c>sendAt ≤ now</c>) or whose
    /// lease ran out (sending with <c>leaseUntil ≤ now</c>): they become <c>sending</c>, owned by <paramref name="owner"/>
    /// until <c>now + lease</c>. Two concurrent callers never get the same survey. Returns them as claimed, oldest <c>sendAt</c> first.
    /// </summary>
    Task<IReadOnlyList<Survey>> ClaimDueAsync(DateTimeOffset now, string owner, TimeSpan lease, int limit, CancellationToken ct = default);

    /// <summary>
    /// Records the send of surveys the caller still owns, all in one atomic write (one provider request is one write, so a
    /// crash leaves a batch either wholly marked or wholly unmarked): they become <c>sent</c> with these times, their lease
    /// cleared, attempts + 1, and each one's send counted in the rollups by <see cref="Scoring.RollupKeys.OfSend"/>(survey,
    /// sentAt): which surveys are still owned is known only inside that write, so the store calls this one Core function
    /// per marked survey and persists its deltas. Returns how many
    /// changed; one whose lease was lost (taken over by another claimer) is left as it is and not counted.
    /// </summary>
    Task<int> MarkSentAsync(IReadOnlyCollection<string> ids, string owner, DateTimeOffset sentAt, DateTimeOffset? reminderAt, DateTimeOffset expiresAt, CancellationToken ct = default);

    /// <summary>
    /// Records, in one write, that a provider request for these surveys (still owned by the caller) is about to start:
    /// <c>sendAttemptedAt = attemptedAt</c>, and the lease held at least until <paramref name="confirmUntil"/>, so after a
    /// crash they stay in doubt, not claimed again, while the provider's events may still confirm them. Every outcome the
    /// owner records (sent, released, failed) clears the attempt. Returns how many the caller owned.
    /// </summary>
    Task<int> RecordAttemptAsync(IReadOnlyCollection<string> ids, string owner, DateTimeOffset attemptedAt, DateTimeOffset confirmUntil, CancellationToken ct = default);

    /// <summary>
    /// The provider reported a survey in doubt (scheduled or sending, with <c>sendAttemptedAt = attemptedAt</c>): it becomes
    /// <c>sent</c> at <paramref name="attemptedAt"/> with these times, lease and attempt cleared, attempts + 1, its send
    /// counted in the rollups like <see cref="MarkSentAsync"/> (<see cref="Scoring.RollupKeys.OfSend"/> at
    /// <paramref name="attemptedAt"/>). False when it is not (or no longer) in doubt for that attempt.
    /// </summary>
    Task<bool> ConfirmSentAsync(string id, DateTimeOffset attemptedAt, DateTimeOffset? reminderAt, DateTimeOffset expiresAt, CancellationToken ct = default);

    /// <summary>
    /// Hands claimed surveys the caller did not try to send back to the outbox as they were before the claim (<c>scheduled</c>,
    /// same <c>sendAt</c> and attempts, lease cleared), so a restart or another replica sends them without waiting for the
    /// lease to run out. Used on shutdown; returns how many the caller still owned.
    /// </summary>
    Task<int> ReleaseUnsentAsync(IReadOnlyCollection<string> ids, string owner, CancellationToken ct = default);

    /// <summary>
    /// Ends a survey the caller owns in a terminal state (<c>failed</c> or <c>suppressed</c>) with the reason as its
    /// failure reason, its lease cleared, attempts + 1; false when the caller does not own it (nothing changed).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is neither failed nor suppressed.</exception>
    Task<bool> MarkUndeliverableAsync(string id, string owner, SurveyStatus status, string reason, CancellationToken ct = default);

    /// <summary>
    /// Gives a claimed survey back to the outbox to be tried again at <paramref name="retryAt"/>: <c>scheduled</c> with
    /// <c>sendAt = retryAt</c>, the reason as its failure reason, its lease cleared, attempts + 1; false when the caller does not own it.
    /// </summary>
    Task<bool> ReleaseAsync(string id, string owner, DateTimeOffset retryAt, string reason, CancellationToken ct = default);

    /// <summary>Cancels one scheduled survey (<c>cancelledAt = at</c>, its dedupe key freed); false when it is not (or no longer) scheduled.</summary>
    Task<bool> CancelAsync(string id, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Cancels the scheduled surveys of a subject (of the given templates, or all when null; an empty list names none); returns their ids.</summary>
    Task<IReadOnlyList<string>> CancelPendingBySubjectAsync(string subjectId, IReadOnlyCollection<string>? templateIds, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Cancels every scheduled survey of a template (it was archived); returns how many.</summary>
    Task<int> CancelPendingByTemplateAsync(string templateId, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>
    /// Atomically takes up to <paramref name="limit"/> sent, unanswered surveys whose <c>reminderAt ≤ now</c> and that had no
    /// reminder yet, stamping <c>reminderSentAt = now</c> (at most one reminder, even across replicas); returns them as stamped.
    /// </summary>
    Task<IReadOnlyList<Survey>> TakeDueRemindersAsync(DateTimeOffset now, int limit, CancellationToken ct = default);

    /// <summary>Sent (unanswered) surveys whose <c>expiresAt ≤ now</c> become <c>expired</c>; returns how many.</summary>
    Task<int> ExpireAsync(DateTimeOffset now, CancellationToken ct = default);

    /// <summary>Stamps delivery/open times reported by the mail provider (first report wins).</summary>
    Task StampAsync(string id, DateTimeOffset? deliveredAt, DateTimeOffset? openedAt, CancellationToken ct = default);

    /// <summary>Deletes surveys in a terminal state other than answered (cancelled, expired, suppressed, failed) created before <paramref name="before"/>.</summary>
    Task<int> PurgeAsync(DateTimeOffset before, CancellationToken ct = default);

    /// <summary>
    /// Erases the customer's personal data from every survey of theirs: the e-mail becomes <see cref="Erasure.Email"/>, the
    /// name is removed, the token is replaced by a new random one that is never disclosed (old links find nothing), and a
    /// scheduled survey is cancelled (<c>cancelledAt = at</c>) so nothing is sent. Status, times, template and subject stay,
    /// so counts stay exact. Returns how many surveys changed; a repeat returns 0.
    /// </summary>
    Task<int> EraseCustomerAsync(string customerId, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>How many surveys are scheduled or sending (the outbox depth).</summary>
    Task<long> CountPendingAsync(CancellationToken ct = default);
}
