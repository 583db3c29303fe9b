using Feedback.Core.Surveys;

namespace Feedback.Core.Storage;

/// <summary>
/// The outbox of scheduled e-mails: due surveys are claimed under a lease by one owner at a time, and the owner records
/// each outcome (sent, in doubt, released, undeliverable). Every write after the claim names the owner (a confirmation,
/// the attempt) and changes only surveys still in that state, so an owner whose lease ran out cannot overwrite the one
/// that took them over.
/// </summary>
public interface ISurveyOutbox
{
    /// <summary>
    /// Atomically claims up to <paramref name="limit"/> surveys that are due (scheduled with <c>sendAt ≤ now</c>) or whose
    /// lease ran out (sending with <c>leaseUntil ≤ now</c>): they become <c>sending</c>, owned by <paramref name="owner"/>
    /// until <c>now + lease</c>. Two concurrent callers never get the same survey. Returns them as claimed, oldest <c>sendAt</c> first.
    /// </summary>
    Task<IReadOnlyList<Survey>> ClaimDueAsync(DateTimeOffset now, string owner, TimeSpan lease, int limit, CancellationToken ct = default);

    /// <summary>
    /// Records, in one write, that a provider request for these surveys (still owned by the caller) is about to start:
    /// <c>sendAttemptedAt = attemptedAt</c>, and the lease held at least until <paramref name="confirmUntil"/>, so after a
    /// crash they stay in doubt, not claimed again, while the provider's events may still confirm them. Every outcome the
    /// owner records (sent, released, failed) clears the attempt. Returns how many the caller owned.
    /// </summary>
    Task<int> RecordAttemptAsync(IReadOnlyCollection<string> ids, string owner, DateTimeOffset attemptedAt, DateTimeOffset confirmUntil, CancellationToken ct = default);

    /// <summary>
    /// Records the send of surveys the caller still owns, all in one atomic write (one provider request is one write, so a
    /// crash leaves a batch either wholly marked or wholly unmarked): they become <c>sent</c> with these times, their lease
    /// cleared, attempts + 1, and their sends counted in the rollups by <see cref="Scoring.RollupKeys.OfSends"/>(marked surveys,
    /// sentAt): which surveys are still owned is known only inside that write, so the store calls this one Core function
    /// with the marked surveys and persists its deltas. Returns how many
    /// changed; one whose lease was lost (taken over by another claimer) is left as it is and not counted.
    /// </summary>
    Task<int> MarkSentAsync(IReadOnlyCollection<string> ids, string owner, DateTimeOffset sentAt, DateTimeOffset? reminderAt, DateTimeOffset expiresAt, CancellationToken ct = default);

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
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not in <see cref="SurveyStatuses.Undeliverable"/>.</exception>
    Task<bool> MarkUndeliverableAsync(string id, string owner, SurveyStatus status, string reason, CancellationToken ct = default);

    /// <summary>
    /// Gives a claimed survey back to the outbox to be tried again at <paramref name="retryAt"/>: <c>scheduled</c> with
    /// <c>sendAt = retryAt</c>, the reason as its failure reason, its lease cleared, attempts + 1; false when the caller does not own it.
    /// </summary>
    Task<bool> ReleaseAsync(string id, string owner, DateTimeOffset retryAt, string reason, CancellationToken ct = default);
}
