using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Api.Tests.Responses;
using Feedback.Core.Storage;
using Feedback.Core.Webhooks;
using Feedback.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Api.Tests.Webhooks;

/// <summary>The subscription API with the default settings: private networks are refused.</summary>
public sealed class WebhookSubscriptionTests : ServiceFixture
{
    internal static object Subscription(string url = "https://hooks.example.com/feedback", string[]? events = null, int? minScore = null, int? maxScore = null) =>
        new { url, events = events ?? [WebhookEvents.ResponseCreated], minScore, maxScore };

    [Fact]
    public async Task SecretIsShownOnceAtCreationAndNeverAgain()
    {
        var response = await Admin.PostAsJsonAsync("/v1/webhooks", Subscription(maxScore: 6));
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var secret = (string)created["secret"]!;
        var id = (string)created["id"]!;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/v1/webhooks/{id}", response.Headers.Location?.OriginalString);
        Assert.StartsWith("whk_", id);
        Assert.StartsWith(WebhookSignature.SecretPrefix, secret);
        Assert.True(secret.Length >= WebhookSignature.SecretPrefix.Length + 43, "at least 256 bits of base64url");
        var one = await Admin.GetStringAsync($"/v1/webhooks/{id}");
        var list = await Admin.GetStringAsync("/v1/webhooks");
        Assert.DoesNotContain(secret, one + list);
        Assert.DoesNotContain("secret", one + list, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(6, (int?)JsonNode.Parse(one)!["maxScore"]);
    }

    [Fact]
    public async Task UnknownSubscriptionIs404Everywhere()
    {
        await ProblemAssert.IsProblemAsync(await Admin.GetAsync("/v1/webhooks/whk_nope"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await Admin.DeleteAsync("/v1/webhooks/whk_nope"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await Admin.GetAsync("/v1/webhooks/whk_nope/deliveries"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeletedSubscriptionIsGoneAndListsArePagedAndAdminOnly()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            Factory.Time.Advance(TimeSpan.FromMilliseconds(1));
            ids.Add((string)(await (await Admin.PostAsJsonAsync("/v1/webhooks", Subscription())).Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/v1/webhooks/{ids[1]}")).StatusCode);

        Assert.Equal([ids[0], ids[2]], await Admin.ListIdsAsync("/v1/webhooks?limit=1"));
        await ProblemAssert.IsValidationProblemAsync(await Admin.GetAsync("/v1/webhooks?limit=0"), "limit");
        await ProblemAssert.IsProblemAsync(await Read.GetAsync("/v1/webhooks"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await Ingest.PostAsJsonAsync("/v1/webhooks", Subscription()), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task DeliveryIsRefusedAtConnectTimeWhenTheHostTurnsOutPrivate()
    {
        // Stored directly, as if its host name had resolved to a public address at creation and to loopback now (DNS rebinding).
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        var store = Factory.Services.GetRequiredService<IWebhookStore>();
        var subscription = new WebhookSubscription
        {
            Id = "whk_rebound", Url = receiver.BaseUrl + "/x", Events = [WebhookEvents.ResponseCreated],
            Secret = WebhookSignature.NewSecret(), CreatedAt = Factory.Time.GetUtcNow(),
        };
        await store.AddSubscriptionAsync(subscription);
        await Factory.Services.GetRequiredService<IWebhookOutbox>().EnqueueAsync([new WebhookDelivery
        {
            Id = "whd_1", SubscriptionId = subscription.Id, Type = WebhookEvents.ResponseCreated, Payload = "{}",
            NextAttemptAt = Factory.Time.GetUtcNow(), CreatedAt = Factory.Time.GetUtcNow(),
        }]);

        using (var scope = Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<WebhookDeliverer>().DeliverDueAsync();
        }

        Assert.Empty(receiver.Received);
        var logged = (await Admin.GetFromJsonAsync<JsonObject>("/v1/webhooks/whk_rebound/deliveries"))!["items"]![0]!;
        Assert.Equal("pending", (string?)logged["status"]);
        Assert.Contains("private networks", (string?)logged["lastError"]);
        Assert.Null(logged["lastStatusCode"]);
    }
}
