using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using static Feedback.Storage.Sqlite.SqliteStatuses;
using static Feedback.Storage.Sqlite.SqliteSurveyRows;

namespace Feedback.Storage.Sqlite;

/// <summary>Reminders, expiry, retention, erasure and the outbox depth, each one statement.</summary>
public sealed class SqliteSurveyHousekeepingStore(SqliteDatabase database) : ISurveyHousekeepingStore
{
    internal static readonly string TakeDueReminders =
        $"""
        UPDATE surveys SET reminder_sent_at = $now
        WHERE id IN (SELECT id FROM surveys WHERE status = {Sent} AND reminder_sent_at IS NULL AND reminder_at <= $now
                     ORDER BY reminder_at LIMIT $limit)
        RETURNING {Columns}
        """;

    internal static readonly string Expire = $"UPDATE surveys SET status = {Expired} WHERE status = {Sent} AND expires_at <= $now";

    internal static readonly string Purge = $"DELETE FROM surveys WHERE status IN {Terminal} AND created_at < $before";

    // The address lives in the email column and the JSON body; a row counts once, and an erased one matches no more.
    // randomblob gives every row its own unguessable token, which nobody is ever told.
    internal static readonly string EraseCustomer =
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
        """;

    // One count per status, each read from that status's partial index.
    internal static readonly string CountPending =
        $"SELECT {string.Join(" + ", EachPending.Select(status => $"(SELECT count(*) FROM surveys WHERE status = {status})"))}";

    public async Task<IReadOnlyList<Survey>> TakeDueRemindersAsync(DateTimeOffset now, int limit, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryAsync(TakeDueReminders, Read, ct, ("$now", SqliteValues.Time(now)), ("$limit", limit));
    }

    public async Task<int> ExpireAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(Expire, ct, ("$now", SqliteValues.Time(now)));
    }

    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(Purge, ct, ("$before", SqliteValues.Time(before)));
    }

    public async Task<int> EraseCustomerAsync(string customerId, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(EraseCustomer, ct, ("$customer", customerId), ("$erased", Erasure.Email), ("$at", SqliteValues.Time(at)));
    }

    public async Task<long> CountPendingAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(CountPending);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }
}
