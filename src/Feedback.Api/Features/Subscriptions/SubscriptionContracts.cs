using System.ComponentModel;
using Feedback.Core.Webhooks;
using Feedback.Api.Hosting.Jobs;
using Feedback.Api.Features.ProviderEvents;

namespace Feedback.Api.Features.Subscriptions;

[Description("A subscription: where to POST which events. `minScore`/`maxScore` (0–10, inclusive) filter response events by score: `maxScore: 6` on an NPS template is a detractor alert.")]
public sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string?>? Events, int? MinScore, int? MaxScore);

[Description("A webhook subscription. The signing secret is shown only once, when it is created.")]
public sealed record WebhookResponse(string Id, string Url, IReadOnlyList<string> Events, int? MinScore, int? MaxScore, DateTimeOffset CreatedAt)
{
    public static WebhookResponse From(WebhookSubscription s) => new(s.Id, s.Url, s.Events, s.MinScore, s.MaxScore, s.CreatedAt);
}

[Description("A new subscription with its `secret` (shown this once): verify `Feedback-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, \"<t>.<body>\")>` with it.")]
public sealed record CreatedWebhookResponse(
    string Id, string Url, IReadOnlyList<string> Events, int? MinScore, int? MaxScore, DateTimeOffset CreatedAt, string Secret)
{
    public static CreatedWebhookResponse From(WebhookSubscription s) => new(s.Id, s.Url, s.Events, s.MinScore, s.MaxScore, s.CreatedAt, s.Secret);
}

public sealed record WebhookList(IReadOnlyList<WebhookResponse> Items, string? NextCursor);

[Description("One event sent (or being sent) to a subscription. `nextAttemptAt` is set while it is pending; `lastStatusCode`/`lastError` describe the last attempt.")]
public sealed record WebhookDeliveryItem(
    string Id, string Type, WebhookDeliveryStatus Status, int Attempts, int? LastStatusCode, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt)
{
    public static WebhookDeliveryItem From(WebhookDelivery d) => new(
        d.Id, d.Type, d.Status, d.Attempts, d.LastStatusCode, d.LastError, d.CreatedAt,
        d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null, d.DeliveredAt);
}

public sealed record WebhookDeliveryList(IReadOnlyList<WebhookDeliveryItem> Items, string? NextCursor);
