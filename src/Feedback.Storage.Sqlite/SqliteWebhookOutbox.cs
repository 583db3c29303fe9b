using Feedback.Core.Storage;
using Feedback.Core.Webhooks;
using static Feedback.Storage.Sqlite.SqliteStatuses;
using static Feedback.Storage.Sqlite.SqliteWebhookRows;

namespace Feedback.Storage.Sqlite;

/// <summary>The webhook delivery outbox: enqueue, claim under a lease (<c>nextAttemptAt</c> moves to its end), and the owner's outcome.</summary>
public sealed class SqliteWebhookOutbox(SqliteDatabase database) : IWebhookOutbox
{
    public async Task EnqueueAsync(IReadOnlyList<WebhookDelivery> deliveries, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var d in deliveries)
        {
            await connection.InsertAsync(
                $"INSERT INTO webhook_deliveries ({DeliveryColumns}) VALUES ($id, $sub, $type, $payload, $customer, $status, $attempts, $next, $code, $error, $at, $delivered)",
                $"webhook delivery '{d.Id}' exists", ct,
                ("$id", d.Id), ("$sub", d.SubscriptionId), ("$type", d.Type), ("$payload", d.Payload), ("$customer", d.CustomerId),
                ("$status", Value(d.Status)), ("$attempts", d.Attempts), ("$next", SqliteValues.Time(d.NextAttemptAt)),
                ("$code", d.LastStatusCode), ("$error", d.LastError), ("$at", SqliteValues.Time(d.CreatedAt)),
                ("$delivered", SqliteValues.TimeOrNull(d.DeliveredAt)));
        }
        await transaction.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(DateTimeOffset now, string owner, TimeSpan lease, int limit, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        // RETURNING gives the rows as updated; the caller needs nextAttemptAt as it was only to order them, so by id is as good.
        var claimed = await connection.QueryAsync(
            $"""
            UPDATE webhook_deliveries SET lease_owner = $owner, next_attempt_at = $until
            WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = {DeliveryPending} AND next_attempt_at <= $now
                         ORDER BY next_attempt_at, id LIMIT $limit)
            RETURNING {DeliveryColumns}
            """, ReadDelivery, ct,
            ("$owner", owner), ("$until", SqliteValues.Time(now + lease)), ("$now", SqliteValues.Time(now)), ("$limit", limit));
        return claimed.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    public Task<bool> MarkSucceededAsync(string id, string owner, int statusCode, DateTimeOffset at, CancellationToken ct = default) =>
        OwnedUpdateAsync($"status = {DeliverySucceeded}, last_status_code = $code, last_error = NULL, delivered_at = $at", id, owner, ct,
            ("$code", statusCode), ("$at", SqliteValues.Time(at)));

    public Task<bool> ReleaseAsync(string id, string owner, DateTimeOffset nextAttemptAt, int? statusCode, string error, CancellationToken ct = default) =>
        OwnedUpdateAsync("next_attempt_at = $next, last_status_code = $code, last_error = $error", id, owner, ct,
            ("$next", SqliteValues.Time(nextAttemptAt)), ("$code", statusCode), ("$error", error));

    public Task<bool> MarkFailedAsync(string id, string owner, int? statusCode, string error, CancellationToken ct = default) =>
        OwnedUpdateAsync($"status = {DeliveryFailed}, last_status_code = $code, last_error = $error", id, owner, ct,
            ("$code", statusCode), ("$error", error));

    private async Task<bool> OwnedUpdateAsync(string set, string id, string owner, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(
            $"UPDATE webhook_deliveries SET {set}, attempts = attempts + 1, lease_owner = NULL WHERE id = $id AND status = {DeliveryPending} AND lease_owner = $owner",
            ct, [("$id", id), ("$owner", owner), .. parameters]) == 1;
    }
}
