using System.Text;
using Feedback.Core.Delivery;
using Feedback.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Feedback.Core.Webhooks;

/// <summary>
/// Sends due deliveries from the outbox: claim a batch under a lease, POST each signed body, and record the outcome. A 2xx
/// answer delivers; anything else, a network error or a timeout is tried again with <see cref="RetryBackoff"/> until
/// <see cref="WebhookSettings.MaxAttempts"/>, then the delivery ends failed.
/// </summary>
public sealed class WebhookDeliverer(
    HttpClient http, IWebhookOutbox store, IWebhookStore subscriptionStore, WebhookSettings settings, WebhookMetrics metrics, TimeProvider time, ILogger<WebhookDeliverer> logger)
{
    public const string HttpClientName = "webhooks";
    public const int MaxRoundsPerRun = 10;
    private const int MaxErrorLength = 500;

    /// <summary>Claims and sends until nothing is due (or the round limit); returns how many deliveries were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct = default)
    {
        var total = 0;
        var subscriptions = new Dictionary<string, WebhookSubscription?>(StringComparer.Ordinal);
        for (var round = 0; round < MaxRoundsPerRun; round++)
        {
            // A fresh owner per claim: a late answer to an attempt whose lease another run took over cannot overwrite its result.
            var owner = Guid.NewGuid().ToString("N");
            var claimed = await store.ClaimDueAsync(time.GetUtcNow(), owner, settings.Lease, settings.BatchSize, ct);
            if (claimed.Count == 0)
            {
                break;
            }
            total += claimed.Count;
            foreach (var delivery in claimed)
            {
                if (!subscriptions.TryGetValue(delivery.SubscriptionId, out var subscription))
                {
                    subscriptions[delivery.SubscriptionId] = subscription = await subscriptionStore.GetSubscriptionAsync(delivery.SubscriptionId, ct);
                }
                // A subscription deleted meanwhile took its deliveries with it; there is nothing left to record.
                if (subscription is not null)
                {
                    await AttemptAsync(delivery, subscription, owner, ct);
                }
            }
        }
        return total;
    }

    private async Task AttemptAsync(WebhookDelivery delivery, WebhookSubscription subscription, string owner, CancellationToken ct)
    {
        var (status, error) = await PostAsync(delivery, subscription, ct);
        var now = time.GetUtcNow();
        if (error is null)
        {
            await store.MarkSucceededAsync(delivery.Id, owner, status!.Value, now, ct);
            metrics.Attempted("delivered");
            return;
        }
        var attempts = delivery.Attempts + 1;
        // One line per failed attempt, without the exception: a receiver that is down is expected, not a fault of ours.
        if (attempts >= settings.MaxAttempts)
        {
            logger.LogWarning("Webhook delivery {DeliveryId} to {Target} (subscription {SubscriptionId}) failed on attempt {Attempt} of {MaxAttempts}, the last: {Error}",
                delivery.Id, Target(subscription.Url), subscription.Id, attempts, settings.MaxAttempts, error);
            await store.MarkFailedAsync(delivery.Id, owner, status, $"gave up after {attempts} attempts: {error}", ct);
            metrics.Attempted("failed");
            return;
        }
        var retryAt = now + RetryBackoff.Delay(attempts, null, settings.Jitter.NextDouble());
        logger.LogWarning("Webhook delivery {DeliveryId} to {Target} (subscription {SubscriptionId}) failed on attempt {Attempt} of {MaxAttempts}, next at {RetryAt:O}: {Error}",
            delivery.Id, Target(subscription.Url), subscription.Id, attempts, settings.MaxAttempts, retryAt, error);
        await store.ReleaseAsync(delivery.Id, owner, retryAt, status, error, ct);
        metrics.Attempted("retried");
    }

    // Scheme, host and port only: receivers often carry their secret in the path (chat incoming-webhook URLs do).
    private static string Target(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "(not a URL)";

    /// <summary>The receiver's status code (null when none came) and the error, null on a 2xx.</summary>
    private async Task<(int? Status, string? Error)> PostAsync(WebhookDelivery delivery, WebhookSubscription subscription, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(subscription.Secret, time.GetUtcNow(), delivery.Payload));
        request.Headers.Add("Feedback-Delivery", delivery.Id);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (status, null) : (status, $"the receiver answered {status}");
        }
        catch (HttpRequestException e)
        {
            return (null, Shorten(e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message));
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"no answer within {http.Timeout.TotalSeconds:0} s");
        }
    }

    private static string Shorten(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
}
