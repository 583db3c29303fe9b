using Feedback.Core.Common;
using Feedback.Core.Storage;
using Feedback.Core.Webhooks;
using static Feedback.Storage.Sqlite.SqliteWebhookRows;

namespace Feedback.Storage.Sqlite;

/// <summary>Subscriptions, the delivery log and erasure from it.</summary>
public sealed class SqliteWebhookStore(SqliteDatabase database) : IWebhookStore
{
    public async Task AddSubscriptionAsync(WebhookSubscription s, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.InsertAsync(
            $"INSERT INTO webhook_subscriptions ({SubscriptionColumns}) VALUES ($id, $url, $events, $min, $max, $secret, $at)",
            $"webhook subscription '{s.Id}' exists", ct,
            ("$id", s.Id), ("$url", s.Url), ("$events", SqliteValues.ToJson(s.Events)), ("$min", s.MinScore), ("$max", s.MaxScore),
            ("$secret", s.Secret), ("$at", SqliteValues.Time(s.CreatedAt)));
    }

    public async Task<WebhookSubscription?> GetSubscriptionAsync(string id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync($"SELECT {SubscriptionColumns} FROM webhook_subscriptions WHERE id = $id", ReadSubscription, ct,
            ("$id", id))).SingleOrDefault();
    }

    public async Task<Page<WebhookSubscription>> ListSubscriptionsAsync(string? after, int limit, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var items = await connection.QueryAsync(
            $"SELECT {SubscriptionColumns} FROM webhook_subscriptions WHERE ($after IS NULL OR id > $after) ORDER BY id LIMIT $limit",
            ReadSubscription, ct, ("$after", after), ("$limit", limit + 1));
        return ToPage(items, limit, s => s.Id);
    }

    public async Task<IReadOnlyList<WebhookSubscription>> SubscribersAsync(string type, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryAsync(
            $"SELECT {SubscriptionColumns} FROM webhook_subscriptions WHERE EXISTS (SELECT 1 FROM json_each(events) WHERE value = $type) ORDER BY id",
            ReadSubscription, ct, ("$type", type));
    }

    public async Task<bool> DeleteSubscriptionAsync(string id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync("DELETE FROM webhook_deliveries WHERE subscription_id = $id", ct, ("$id", id));
        var deleted = await connection.ExecuteAsync("DELETE FROM webhook_subscriptions WHERE id = $id", ct, ("$id", id));
        await transaction.CommitAsync(ct);
        return deleted == 1;
    }

    public async Task<Page<WebhookDelivery>> ListDeliveriesAsync(string subscriptionId, string? after, int limit, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var items = await connection.QueryAsync(
            $"SELECT {DeliveryColumns} FROM webhook_deliveries WHERE subscription_id = $subscription AND ($after IS NULL OR id > $after) ORDER BY id LIMIT $limit",
            ReadDelivery, ct, ("$subscription", subscriptionId), ("$after", after), ("$limit", limit + 1));
        return ToPage(items, limit, d => d.Id);
    }

    public async Task<int> EraseCustomerAsync(string customerId, Func<string, string> redact, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var payloads = await connection.QueryAsync("SELECT id, payload FROM webhook_deliveries WHERE customer_id = $customer",
            r => (Id: r.GetString(0), Payload: r.GetString(1)), ct, ("$customer", customerId));
        var changed = 0;
        foreach (var (id, payload) in payloads)
        {
            var redacted = redact(payload);
            if (redacted != payload)
            {
                changed += await connection.ExecuteAsync("UPDATE webhook_deliveries SET payload = $payload WHERE id = $id", ct,
                    ("$id", id), ("$payload", redacted));
            }
        }
        await transaction.CommitAsync(ct);
        return changed;
    }

    private static Page<T> ToPage<T>(List<T> items, int limit, Func<T, string> key) =>
        items.Count > limit ? new Page<T>(items[..limit], PageCursor.Encode(key(items[limit - 1]))) : new Page<T>(items, null);
}
