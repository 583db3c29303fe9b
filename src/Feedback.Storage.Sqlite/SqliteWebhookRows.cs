using Feedback.Core.Webhooks;
using Microsoft.Data.Sqlite;

namespace Feedback.Storage.Sqlite;

/// <summary>The columns of a webhook subscription and a delivery row, and how a row reads back, shared by the store and the outbox.</summary>
internal static class SqliteWebhookRows
{
    public const string SubscriptionColumns = "id, url, events, min_score, max_score, secret, created_at";

    public const string DeliveryColumns =
        "id, subscription_id, type, payload, customer_id, status, attempts, next_attempt_at, last_status_code, last_error, created_at, delivered_at";

    public static WebhookSubscription ReadSubscription(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        Url = r.GetString(1),
        Events = SqliteValues.FromJson<List<string>>(r.GetString(2)),
        MinScore = r.IsDBNull(3) ? null : r.GetInt32(3),
        MaxScore = r.IsDBNull(4) ? null : r.GetInt32(4),
        Secret = r.GetString(5),
        CreatedAt = SqliteValues.ParseTime(r.GetString(6)),
    };

    public static WebhookDelivery ReadDelivery(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        SubscriptionId = r.GetString(1),
        Type = r.GetString(2),
        Payload = r.GetString(3),
        CustomerId = r.IsDBNull(4) ? null : r.GetString(4),
        Status = Enum.Parse<WebhookDeliveryStatus>(r.GetString(5)),
        Attempts = r.GetInt32(6),
        NextAttemptAt = SqliteValues.ParseTime(r.GetString(7)),
        LastStatusCode = r.IsDBNull(8) ? null : r.GetInt32(8),
        LastError = r.IsDBNull(9) ? null : r.GetString(9),
        CreatedAt = SqliteValues.ParseTime(r.GetString(10)),
        DeliveredAt = r.IsDBNull(11) ? null : SqliteValues.ParseTime(r.GetString(11)),
    };
}
