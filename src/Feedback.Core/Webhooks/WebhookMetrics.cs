using System.Diagnostics.Metrics;
using Feedback.Core.Delivery;

namespace Feedback.Core.Webhooks;

/// <summary>Webhook delivery attempts by outcome (<c>delivered</c>, <c>retried</c>, <c>failed</c>) on the service's meter.</summary>
public sealed class WebhookMetrics
{
    private readonly Counter<long> _deliveries;

    public WebhookMetrics(IMeterFactory meters) =>
        _deliveries = meters.Create(DeliveryMetrics.MeterName)
            .CreateCounter<long>("feedback.webhook.deliveries", "{delivery}", "Webhook delivery attempts, by outcome.");

    public void Attempted(string outcome) => _deliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
