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
        Id = r.GetString(SubscriptionColumn.Id),
        Url = r.GetString(SubscriptionColumn.Url),
        Events = SqliteValues.FromJson<List<string>>(r.GetString(SubscriptionColumn.Events)),
        MinScore = r.IsDBNull(SubscriptionColumn.MinScore) ? null : r.GetInt32(SubscriptionColumn.MinScore),
        MaxScore = r.IsDBNull(SubscriptionColumn.MaxScore) ? null : r.GetInt32(SubscriptionColumn.MaxScore),
        Secret = r.GetString(SubscriptionColumn.Secret),
        CreatedAt = SqliteValues.ParseTime(r.GetString(SubscriptionColumn.CreatedAt)),
    };

    public static WebhookDelivery ReadDelivery(SqliteDataReader r) => new()
    {
        Id = r.GetString(DeliveryColumn.Id),
        SubscriptionId = r.GetString(DeliveryColumn.SubscriptionId),
        Type = r.GetString(DeliveryColumn.Type),
        Payload = r.GetString(DeliveryColumn.Payload),
        CustomerId = r.IsDBNull(DeliveryColumn.CustomerId) ? null : r.GetString(DeliveryColumn.CustomerId),
        Status = Enum.Parse<WebhookDeliveryStatus>(r.GetString(DeliveryColumn.Status)),
        Attempts = r.GetInt32(DeliveryColumn.Attempts),
        NextAttemptAt = SqliteValues.ParseTime(r.GetString(DeliveryColumn.NextAttemptAt)),
        LastStatusCode = r.IsDBNull(DeliveryColumn.LastStatusCode) ? null : r.GetInt32(DeliveryColumn.LastStatusCode),
        LastError = r.IsDBNull(DeliveryColumn.LastError) ? null : r.GetString(DeliveryColumn.LastError),
        CreatedAt = SqliteValues.ParseTime(r.GetString(DeliveryColumn.CreatedAt)),
        DeliveredAt = r.IsDBNull(DeliveryColumn.DeliveredAt) ? null : SqliteValues.ParseTime(r.GetString(DeliveryColumn.DeliveredAt)),
    };

    // Each column's ordinal in SubscriptionColumns, looked up by name once.
    private static class SubscriptionColumn
    {
        public static readonly int
            Id = Of("id"),
            Url = Of("url"),
            Events = Of("events"),
            MinScore = Of("min_score"),
            MaxScore = Of("max_score"),
            Secret = Of("secret"),
            CreatedAt = Of("created_at");

        private static int Of(string name) => SqliteColumns.Ordinal(SubscriptionColumns, name);
    }

    // Each column's ordinal in DeliveryColumns, looked up by name once.
    private static class DeliveryColumn
    {
        public static readonly int
            Id = Of("id"),
            SubscriptionId = Of("subscription_id"),
            Type = Of("type"),
            Payload = Of("payload"),
            CustomerId = Of("customer_id"),
            Status = Of("status"),
            Attempts = Of("attempts"),
            NextAttemptAt = Of("next_attempt_at"),
            LastStatusCode = Of("last_status_code"),
            LastError = Of("last_error"),
            CreatedAt = Of("created_at"),
            DeliveredAt = Of("delivered_at");

        private static int Of(string name) => SqliteColumns.Ordinal(DeliveryColumns, name);
    }
}
