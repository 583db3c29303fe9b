using Feedback.Core.Scoring;
using static Feedback.Storage.Sqlite.SqliteSurveyRows;
using static Feedback.Storage.Sqlite.SqliteStatuses;

namespace Feedback.Storage.Sqlite;

// Sends in doubt: the attempt recorded before a provider request, and its confirmation by the provider's event.
public sealed partial class SqliteSurveyStore
{
    public async Task<int> RecordAttemptAsync(IReadOnlyCollection<string> ids, string owner, DateTimeOffset attemptedAt, DateTimeOffset confirmUntil, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        // Times are fixed-width UTC text, so max() of two is the later one.
        return await connection.ExecuteAsync(
            $"""
            UPDATE surveys SET send_attempted_at = $at, lease_until = max(lease_until, $until)
            WHERE id IN (SELECT value FROM json_each($ids)) AND status = {Sending} AND lease_owner = $owner
            """, ct, ("$ids", SqliteValues.ToJson(ids)), ("$owner", owner), ("$at", SqliteValues.Time(attemptedAt)),
            ("$until", SqliteValues.Time(confirmUntil)));
    }

    /// <summary>One transaction, like <see cref="MarkSentAsync"/>: the survey is marked and its send counted, or neither.</summary>
    public async Task<bool> ConfirmSentAsync(string id, DateTimeOffset attemptedAt, DateTimeOffset? reminderAt, DateTimeOffset expiresAt, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var sent = await connection.QueryAsync(
            $"""
            UPDATE surveys SET status = {Sent}, sent_at = $at, reminder_at = $reminder, expires_at = $expires,
                attempts = attempts + 1, failure_reason = NULL, lease_owner = NULL, lease_until = NULL, send_attempted_at = NULL
            WHERE id = $id AND status IN {Pending} AND send_attempted_at = $at
            RETURNING {Columns}
            """, Read, ct,
            ("$id", id), ("$at", SqliteValues.Time(attemptedAt)), ("$reminder", SqliteValues.TimeOrNull(reminderAt)),
            ("$expires", SqliteValues.Time(expiresAt)));
        await SqliteRollupRows.AddAsync(connection, [.. sent.SelectMany(s => RollupKeys.OfSend(s, attemptedAt))], ct);
        await transaction.CommitAsync(ct);
        return sent.Count == 1;
    }
}
