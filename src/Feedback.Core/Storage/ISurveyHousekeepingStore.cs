using Feedback.Core.Surveys;

namespace Feedback.Core.Storage;

/// <summary>
/// The life of surveys after sending, run by the scheduled jobs and the erasure request: reminders (at most one each,
/// across replicas), expiry, retention, erasure of a customer's personal data, and the outbox depth for metrics.
/// </summary>
public interface ISurveyHousekeepingStore
{
    /// <summary>
    /// Atomically takes up to <paramref name="limit"/> sent, unanswered surveys whose <c>reminderAt ≤ now</c> and that had no
    /// reminder yet, stamping <c>reminderSentAt = now</c> (at most one reminder, even across replicas); returns them as stamped.
    /// </summary>
    Task<IReadOnlyList<Survey>> TakeDueRemindersAsync(DateTimeOffset now, int limit, CancellationToken ct = default);

    /// <summary>Sent (unanswered) surveys whose <c>expiresAt ≤ now</c> become <c>expired</c>; returns how many.</summary>
    Task<int> ExpireAsync(DateTimeOffset now, CancellationToken ct = default);

    /// <summary>Deletes the surveys in <see cref="SurveyStatuses.Terminal"/> (ended unanswered) created before <paramref name="before"/>.</summary>
    Task<int> PurgeAsync(DateTimeOffset before, CancellationToken ct = default);

    /// <summary>
    /// Erases the customer's personal data from every survey of theirs: the e-mail becomes <see cref="Erasure.Email"/>, the
    /// name is removed, the token is replaced by a new random one that is never disclosed (old links find nothing), and a
    /// scheduled survey is cancelled (<c>cancelledAt = at</c>) so nothing is sent. Status, times, template and subject stay,
    /// so counts stay exact. Returns how many surveys changed; a repeat returns 0.
    /// </summary>
    Task<int> EraseCustomerAsync(string customerId, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>How many surveys are <see cref="SurveyStatuses.Pending"/>, scheduled or sending (the outbox depth).</summary>
    Task<long> CountPendingAsync(CancellationToken ct = default);
}
