using Feedback.Core.Webhooks;

namespace Feedback.Storage.MongoDb.Documents;

/// <summary>A webhook subscription (collection <c>webhookSubscriptions</c>); <see cref="Events"/> is an array the subscriber look-up matches.</summary>
internal sealed class WebhookSubscriptionDocument
{
    public required string Id { get; init; }
    public required string Url { get; init; }
    public required List<string> Events { get; init; }
    public int? MinScore { get; init; }
    public int? MaxScore { get; init; }
    public required string Secret { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public static WebhookSubscriptionDocument From(WebhookSubscription s) => new()
    {
        Id = s.Id, Url = s.Url, Events = [.. s.Events], MinScore = s.MinScore, MaxScore = s.MaxScore, Secret = s.Secret, CreatedAt = s.CreatedAt,
    };

    public WebhookSubscription ToSubscription() => new()
    {
        Id = Id, Url = Url, Events = Events, MinScore = MinScore, MaxScore = MaxScore, Secret = Secret, CreatedAt = CreatedAt,
    };
}

/// <summary>A delivery in the outbox (collection <c>webhookDeliveries</c>); <see cref="LeaseOwner"/> is the claim that holds it.</summary>
internal sealed class WebhookDeliveryDocument
{
    public required string Id { get; init; }
    public required string SubscriptionId { get; init; }
    public required string Type { get; init; }
    public required string Payload { get; init; }
    public string? CustomerId { get; init; }
    public required WebhookDeliveryStatus Status { get; init; }
    public required int Attempts { get; init; }
    public required DateTimeOffset NextAttemptAt { get; init; }
    public string? LeaseOwner { get; init; }
    public int? LastStatusCode { get; init; }
    public string? LastError { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }

    public static WebhookDeliveryDocument From(WebhookDelivery d) => new()
    {
        Id = d.Id, SubscriptionId = d.SubscriptionId, Type = d.Type, Payload = d.Payload, CustomerId = d.CustomerId, Status = d.Status,
        Attempts = d.Attempts, NextAttemptAt = d.NextAttemptAt, LastStatusCode = d.LastStatusCode, LastError = d.LastError,
        CreatedAt = d.CreatedAt, DeliveredAt = d.DeliveredAt,
    };

    public WebhookDelivery ToDelivery() => new()
    {
        Id = Id, SubscriptionId = SubscriptionId, Type = Type, Payload = Payload, CustomerId = CustomerId, Status = Status,
        Attempts = Attempts, NextAttemptAt = NextAttemptAt, LastStatusCode = LastStatusCode, LastError = LastError,
        CreatedAt = CreatedAt, DeliveredAt = DeliveredAt,
    };
}
