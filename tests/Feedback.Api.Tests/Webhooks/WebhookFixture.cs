using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Delivery;
using Feedback.Core.Webhooks;
using Feedback.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Api.Tests.Webhooks;

/// <summary>
/// The service with SendGrid faked and a webhook receiver on loopback (so private networks are allowed). Tests run the
/// deliverer themselves (<see cref="DeliverAsync"/>) unless a subclass turns the jobs on and shortens the webhook job's interval.
/// </summary>
public abstract class WebhookFixture : DeliveryFixture
{
    protected FakeWebhookReceiver Receiver { get; private set; } = null!;

    /// <summary>How often the webhook job runs when scheduling is on.</summary>
    protected virtual string WebhookPollInterval => "01:00:00";

    public override async ValueTask InitializeAsync()
    {
        Receiver = await FakeWebhookReceiver.StartAsync();
        Factory.Settings["Feedback:Webhooks:AllowPrivateNetworks"] = "true";
        Factory.Settings["Feedback:Webhooks:PollInterval"] = WebhookPollInterval;
        Factory.Settings["Feedback:Webhooks:MaxAttempts"] = "3";
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    /// <summary>Creates a subscription to the receiver and returns the 201 body (with the secret).</summary>
    protected async Task<JsonObject> SubscribeAsync(string[] events, int? minScore = null, int? maxScore = null, string path = "/hooks")
    {
        var response = await Admin.PostAsJsonAsync("/v1/webhooks", new { url = Receiver.BaseUrl + path, events, minScore, maxScore });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    protected async Task<int> DeliverAsync()
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WebhookDeliverer>().DeliverDueAsync();
    }

    protected async Task<JsonArray> DeliveryLogAsync(string subscriptionId) =>
        (await Admin.GetFromJsonAsync<JsonObject>($"/v1/webhooks/{subscriptionId}/deliveries"))!["items"]!.AsArray();

    /// <summary>Checks the signature as a receiver would, with the secret from the create call; returns the signed time.</summary>
    protected static DateTimeOffset AssertSigned(ReceivedWebhook webhook, string secret)
    {
        var parts = webhook.Header(WebhookSignature.HeaderName)!.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{parts["t"]}.{webhook.Body}"));
        Assert.Equal(Convert.ToHexStringLower(expected), parts["v1"]);
        return DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts["t"], CultureInfo.InvariantCulture));
    }
}
