using Feedback.Core.Scoring;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using static Feedback.Storage.Sqlite.SqliteStatuses;
using static Feedback.Storage.Sqlite.SqliteSurveyRows;

namespace Feedback.Storage.Sqlite;

/// <summary>
/// The survey outbox. A claim is one <c>UPDATE … RETURNING</c>, so SQLite's single writer makes it atomic across
/// processes; every later write repeats the status and owner it expects.
/// </summary>
public sealed class SqliteSurveyOutbox(SqliteDatabase database) : ISurveyOutbox
{
    /// <summary>
    /// The oldest due surveys and expired leases, each side read from its own partial index in at most
    /// <c>$limit</c> rows, so a large backlog is never sorted whole.
    /// </summary>
    internal static readonly string ClaimDue =
        $"""
        UPDATE surveys SET status = {Sending}, lease_owner = $owner, lease_until = $until
        WHERE id IN (SELECT id FROM (
                         SELECT * FROM (SELECT id, send_at FROM surveys WHERE status = {Scheduled} AND send_at <= $now ORDER BY send_at LIMIT $limit)
                         UNION ALL
                         SELECT * FROM (SELECT id, send_at FROM surveys WHERE status = {Sending} AND lease_until <= $now ORDER BY send_at LIMIT $limit))
                     ORDER BY send_at LIMIT $limit)
        RETURNING {Columns}
        """;

    // Times are fixed-width UTC text, so max() of two is the later one.
    internal static readonly string RecordAttempt =
        $"""
        UPDATE surveys SET send_attempted_at = $at, lease_until = max(lease_until, $until)
        WHERE id IN (SELECT value FROM json_each($ids)) AND status = {Sending} AND lease_owner = $owner
        """;

    internal static readonly string MarkSent =
        $"""
        UPDATE surveys SET status = {Sent}, sent_at = $at, reminder_at = $reminder, expires_at = $expires,
            attempts = attempts + 1, failure_reason = NULL, lease_owner = NULL, lease_until = NULL, send_attempted_at = NULL
        WHERE id IN (SELECT value FROM json_each($ids)) AND status = {Sending} AND lease_owner = $owner
        RETURNING {Columns}
        """;

    internal static readonly string ConfirmSent =
        $"""
        UPDATE surveys SET status = {Sent}, sent_at = $at, reminder_at = $reminder, expires_at = $expires,
            attempts = attempts + 1, failure_reason = NULL, lease_owner = NULL, lease_until = NULL, send_attempted_at = NULL
        WHERE id = $id AND status IN {Pending} AND send_attempted_at = $at
        RETURNING {Columns}
        """;

    internal static readonly string ReleaseUnsent =
        $"""
        UPDATE surveys SET status = {Scheduled}, lease_owner = NULL, lease_until = NULL
        WHERE id IN (SELECT value FROM json_each($ids)) AND status = {Sending} AND lease_owner = $owner
        """;

    public async Task<IReadOnlyList<Survey>> ClaimDueAsync(DateTimeOffset now, string owner, TimeSpan lease, int limit, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var claimed = await connection.QueryAsync(ClaimDue, Read, ct,
            ("$owner", owner), ("$until", SqliteValues.Time(now + lease)), ("$now", SqliteValues.Time(now)), ("$limit", limit));
        return claimed.OrderBy(s => s.SendAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<int> RecordAttemptAsync(IReadOnlyCollection<string> ids, string owner, DateTimeOffset attemptedAt, DateTimeOffset confirmUntil, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(RecordAttempt, ct, ("$ids", SqliteValues.ToJson(ids)), ("$owner", owner), ("$at", SqliteValues.Time(attemptedAt)),
            ("$until", SqliteValues.Time(confirmUntil)));
    }

    /// <summary>
    /// One statement in one (group-committed) transaction: the whole batch is marked, or (after a crash) none of it; each
    /// send is counted in the rollups in the same transaction, on the sent day, at most once (only surveys this owner
    /// leased are marked).
    /// </summary>
    public Task<int> MarkSentAsync(IReadOnlyCollection<string> ids, string owner, DateTimeOffset sentAt, DateTimeOffset? reminderAt, DateTimeOffset expiresAt, CancellationToken ct = default) =>
        database.WriteAsync(async (connection, ct) =>
    {
        var sent = await connection.QueryAsync(MarkSent, Read, ct,
            ("$ids", SqliteValues.ToJson(ids)), ("$owner", owner), ("$at", SqliteValues.Time(sentAt)),
            ("$reminder", SqliteValues.TimeOrNull(reminderAt)), ("$expires", SqliteValues.Time(expiresAt)));
        await SqliteRollupRows.AddAsync(connection, RollupKeys.OfSends(sent, sentAt, database.Pairs), ct);
        return sent.Count;
    }, ct);

    /// <summary>One transaction, like <see cref="MarkSentAsync"/>: the survey is marked and its send counted, or neither.</summary>
    public async Task<bool> ConfirmSentAsync(string id, DateTimeOffset attemptedAt, DateTimeOffset? reminderAt, DateTimeOffset expiresAt, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var sent = await connection.QueryAsync(ConfirmSent, Read, ct,
            ("$id", id), ("$at", SqliteValues.Time(attemptedAt)), ("$reminder", SqliteValues.TimeOrNull(reminderAt)),
            ("$expires", SqliteValues.Time(expiresAt)));
        await SqliteRollupRows.AddAsync(connection, [.. sent.SelectMany(s => RollupKeys.OfSend(s, attemptedAt, database.Pairs))], ct);
        await transaction.CommitAsync(ct);
        return sent.Count == 1;
    }

    public async Task<int> ReleaseUnsentAsync(IReadOnlyCollection<string> ids, string owner, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(ReleaseUnsent, ct, ("$ids", SqliteValues.ToJson(ids)), ("$owner", owner));
    }

    public Task<bool> MarkUndeliverableAsync(string id, string owner, SurveyStatus status, string reason, CancellationToken ct = default) =>
        SurveyStatuses.Undeliverable.Contains(status)
            ? OwnedUpdateAsync("status = $status, failure_reason = $reason, attempts = attempts + 1", id, owner, ct, ("$status", Value(status)), ("$reason", reason))
            : throw new ArgumentOutOfRangeException(nameof(status), status, "Only failed or suppressed end an undeliverable survey.");

    public Task<bool> ReleaseAsync(string id, string owner, DateTimeOffset retryAt, string reason, CancellationToken ct = default) =>
        OwnedUpdateAsync($"status = {Scheduled}, send_at = $retry, failure_reason = $reason, attempts = attempts + 1", id, owner, ct,
            ("$retry", SqliteValues.Time(retryAt)), ("$reason", reason));

    private Task<bool> OwnedUpdateAsync(string set, string id, string owner, CancellationToken ct, params (string, object?)[] parameters) =>
        database.WriteAsync(async (connection, token) =>
            await connection.ExecuteAsync(OwnedUpdate(set), token, [("$id", id), ("$owner", owner), .. parameters]) == 1, ct);

    internal static string OwnedUpdate(string set) =>
        $"UPDATE surveys SET {set}, lease_owner = NULL, lease_until = NULL, send_attempted_at = NULL WHERE id = $id AND status = {Sending} AND lease_owner = $owner";
}
