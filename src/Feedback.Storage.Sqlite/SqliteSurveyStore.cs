using Feedback.Core.Common;
using Feedback.Core.Scoring;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using static Feedback.Storage.Sqlite.SqliteSurveyRows;
using static Feedback.Storage.Sqlite.SqliteStatuses;

namespace Feedback.Storage.Sqlite;

/// <summary>Surveys and the outbox. Claims are one <c>UPDATE … RETURNING</c>, so SQLite's single writer makes them atomic across processes.</summary>
public sealed partial class SqliteSurveyStore(SqliteDatabase database) : ISurveyStore
{
    public async Task<bool> TryAddAsync(Survey survey, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await TryInsertAsync(connection, survey, ct);
    }

    public Task<Survey?> GetAsync(string id, CancellationToken ct = default) => SingleAsync("id = $key", id, ct);

    public Task<Survey?> GetByTokenAsync(string token, CancellationToken ct = default) => SingleAsync("token = $key", token, ct);

    public async Task<Page<Survey>> ListAsync(SurveyQuery query, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var items = await connection.QueryAsync(
            $"""
            SELECT {Columns} FROM surveys
            WHERE ($status IS NULL OR status = $status) AND ($template IS NULL OR template_id = $template)
              AND ($subject IS NULL OR subject_id = $subject) AND ($customer IS NULL OR customer_id = $customer)
              AND ($after IS NULL OR id > $after)
            ORDER BY id LIMIT $limit
            """, Read, ct,
            ("$status", query.Status is { } status ? Value(status) : null), ("$template", query.TemplateId), ("$subject", query.SubjectId),
            ("$customer", query.CustomerId), ("$after", query.After), ("$limit", query.Limit + 1));
        return items.Count > query.Limit
            ? new Page<Survey>(items[..query.Limit], PageCursor.Encode(items[query.Limit - 1].Id))
            : new Page<Survey>(items, null);
    }

    public async Task<bool> SurveyedSinceAsync(string customerId, string templateId, DateTimeOffset since, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            $"""
            SELECT EXISTS (SELECT 1 FROM surveys WHERE customer_id = $customer AND template_id = $template
                AND send_at >= $since AND status NOT IN {OutsideQuietPeriod})
            """, ("$customer", customerId), ("$template", templateId), ("$since", SqliteValues.Time(since)));
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct)) == 1;
    }

    public async Task<IReadOnlyList<Survey>> ClaimDueAsync(DateTimeOffset now, string owner, TimeSpan lease, int limit, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var claimed = await connection.QueryAsync(
            $"""
            UPDATE surveys SET status = {Sending}, lease_owner = $owner, lease_until = $until
            WHERE id IN (SELECT id FROM surveys
                         WHERE (status = {Scheduled} AND send_at <= $now) OR (status = {Sending} AND lease_until <= $now)
                         ORDER BY send_at LIMIT $limit)
            RETURNING {Columns}
            """, Read, ct,
            ("$owner", owner), ("$until", SqliteValues.Time(now + lease)), ("$now", SqliteValues.Time(now)), ("$limit", limit));
        return claimed.OrderBy(s => s.SendAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// One statement in one (group-committed) transaction: the whole batch is marked, or (after a crash) none of it; each
    /// send is counted in the rollups in the same transaction, on the sent day, at most once (only surveys this owner
    /// leased are marked).
    /// </summary>
    public Task<int> MarkSentAsync(IReadOnlyCollection<string> ids, string owner, DateTimeOffset sentAt, DateTimeOffset? reminderAt, DateTimeOffset expiresAt, CancellationToken ct = default) =>
        database.WriteAsync(async (connection, ct) =>
    {
        var sent = await connection.QueryAsync(
            $"""
            UPDATE surveys SET status = {Sent}, sent_at = $at, reminder_at = $reminder, expires_at = $expires,
                attempts = attempts + 1, failure_reason = NULL, lease_owner = NULL, lease_until = NULL, send_attempted_at = NULL
            WHERE id IN (SELECT value FROM json_each($ids)) AND status = {Sending} AND lease_owner = $owner
            RETURNING {Columns}
            """, Read, ct,
            ("$ids", SqliteValues.ToJson(ids)), ("$owner", owner), ("$at", SqliteValues.Time(sentAt)),
            ("$reminder", SqliteValues.TimeOrNull(reminderAt)), ("$expires", SqliteValues.Time(expiresAt)));
        await SqliteRollupRows.AddAsync(connection, [.. sent.SelectMany(s => RollupKeys.OfSend(s, sentAt))], ct);
        return sent.Count;
    }, ct);

    public async Task<int> ReleaseUnsentAsync(IReadOnlyCollection<string> ids, string owner, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(
            $"""
            UPDATE surveys SET status = {Scheduled}, lease_owner = NULL, lease_until = NULL
            WHERE id IN (SELECT value FROM json_each($ids)) AND status = {Sending} AND lease_owner = $owner
            """, ct, ("$ids", SqliteValues.ToJson(ids)), ("$owner", owner));
    }

    public Task<bool> MarkUndeliverableAsync(string id, string owner, SurveyStatus status, string reason, CancellationToken ct = default) =>
        SurveyStatuses.Undeliverable.Contains(status)
            ? OwnedUpdateAsync("status = $status, failure_reason = $reason, attempts = attempts + 1", id, owner, ct, ("$status", Value(status)), ("$reason", reason))
            : throw new ArgumentOutOfRangeException(nameof(status), status, "Only failed or suppressed end an undeliverable survey.");

    public Task<bool> ReleaseAsync(string id, string owner, DateTimeOffset retryAt, string reason, CancellationToken ct = default) =>
        OwnedUpdateAsync($"status = {Scheduled}, send_at = $retry, failure_reason = $reason, attempts = attempts + 1", id, owner, ct,
            ("$retry", SqliteValues.Time(retryAt)), ("$reason", reason));

    public async Task<bool> CancelAsync(string id, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(
            $"UPDATE surveys SET status = {Cancelled}, cancelled_at = $at, dedupe_key = NULL WHERE id = $id AND status = {Scheduled}", ct,
            ("$id", id), ("$at", SqliteValues.Time(at))) == 1;
    }

    public async Task<IReadOnlyList<string>> CancelPendingBySubjectAsync(string subjectId, IReadOnlyCollection<string>? templateIds, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryAsync(
            $"""
            UPDATE surveys SET status = {Cancelled}, cancelled_at = $at, dedupe_key = NULL
            WHERE subject_id = $subject AND status = {Scheduled}
              AND ($templates IS NULL OR template_id IN (SELECT value FROM json_each($templates)))
            RETURNING id
            """, r => r.GetString(0), ct,
            ("$subject", subjectId), ("$at", SqliteValues.Time(at)), ("$templates", templateIds is null ? null : SqliteValues.ToJson(templateIds)));
    }

    public async Task<int> CancelPendingByTemplateAsync(string templateId, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(
            $"UPDATE surveys SET status = {Cancelled}, cancelled_at = $at, dedupe_key = NULL WHERE template_id = $template AND status = {Scheduled}", ct,
            ("$template", templateId), ("$at", SqliteValues.Time(at)));
    }

    public async Task<IReadOnlyList<Survey>> TakeDueRemindersAsync(DateTimeOffset now, int limit, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryAsync(
            $"""
            UPDATE surveys SET reminder_sent_at = $now
            WHERE id IN (SELECT id FROM surveys WHERE status = {Sent} AND reminder_sent_at IS NULL AND reminder_at <= $now
                         ORDER BY reminder_at LIMIT $limit)
            RETURNING {Columns}
            """, Read, ct, ("$now", SqliteValues.Time(now)), ("$limit", limit));
    }

    public async Task<int> ExpireAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync($"UPDATE surveys SET status = {Expired} WHERE status = {Sent} AND expires_at <= $now", ct,
            ("$now", SqliteValues.Time(now)));
    }

    public async Task StampAsync(string id, DateTimeOffset? deliveredAt, DateTimeOffset? openedAt, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(
            "UPDATE surveys SET delivered_at = COALESCE(delivered_at, $delivered), opened_at = COALESCE(opened_at, $opened) WHERE id = $id", ct,
            ("$id", id), ("$delivered", SqliteValues.TimeOrNull(deliveredAt)), ("$opened", SqliteValues.TimeOrNull(openedAt)));
    }

    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync($"DELETE FROM surveys WHERE status IN {Terminal} AND created_at < $before", ct,
            ("$before", SqliteValues.Time(before)));
    }

    public async Task<int> EraseCustomerAsync(string customerId, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        // The address lives in the email column and the JSON body; a row counts once, and an erased one matches no more.
        // randomblob gives every row its own unguessable token, which nobody is ever told.
        return await connection.ExecuteAsync(
            $"""
            UPDATE surveys SET
                email = $erased,
                body = json_set(body, '$.customer.email', $erased, '$.customer.name', NULL),
                token = lower(hex(randomblob(32))),
                cancelled_at = CASE WHEN status = {Scheduled} THEN $at ELSE cancelled_at END,
                dedupe_key = CASE WHEN status = {Scheduled} THEN NULL ELSE dedupe_key END,
                status = CASE WHEN status = {Scheduled} THEN {Cancelled} ELSE status END
            WHERE customer_id = $customer
              AND (email <> $erased OR json_extract(body, '$.customer.email') <> $erased
                   OR json_extract(body, '$.customer.name') IS NOT NULL OR status = {Scheduled})
            """, ct, ("$customer", customerId), ("$erased", Erasure.Email), ("$at", SqliteValues.Time(at)));
    }

    public async Task<long> CountPendingAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command($"SELECT count(*) FROM surveys WHERE status IN {Pending}");
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    private Task<bool> OwnedUpdateAsync(string set, string id, string owner, CancellationToken ct, params (string, object?)[] parameters) =>
        database.WriteAsync(async (connection, token) =>
            await connection.ExecuteAsync(OwnedUpdate(set), token, [("$id", id), ("$owner", owner), .. parameters]) == 1, ct);

    private static string OwnedUpdate(string set) =>
        $"UPDATE surveys SET {set}, lease_owner = NULL, lease_until = NULL, send_attempted_at = NULL WHERE id = $id AND status = {Sending} AND lease_owner = $owner";

    private async Task<Survey?> SingleAsync(string where, string key, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync($"SELECT {Columns} FROM surveys WHERE {where}", Read, ct, ("$key", key))).SingleOrDefault();
    }
}
