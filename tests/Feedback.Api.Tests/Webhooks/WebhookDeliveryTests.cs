using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Responses;
using Feedback.Core.Auth;
using Feedback.Core.Storage;
using Feedback.Core.Webhooks;
using Feedback.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Api.Tests.Webhooks;

public sealed class WebhookDeliveryTests : WebhookFixture
{
    [Fact]
    public async Task AnswerIsDeliveredSignedWithTheSecretGivenAtCreation()
    {
        var subscription = await SubscribeAsync([WebhookEvents.ResponseCreated]);
        var templateId = await Factory.CreateTemplateAsync("nps");
        using var ingest = await Factory.CreateClientAsync(ApiScope.Ingest);
        var answer = await ingest.RecordAsync(ResponseBodies.Phone("call-1", templateId, score: 9, comment: "Quick and kind"));

        Assert.Equal(1, await DeliverAsync());

        var webhook = Assert.Single(Receiver.Received);
        Assert.Equal("/hooks", webhook.Path);
        Assert.Equal(Factory.Time.GetUtcNow().ToUnixTimeSeconds(), AssertSigned(webhook, (string)subscription["secret"]!).ToUnixTimeSeconds());
        var body = JsonNode.Parse(webhook.Body)!.AsObject();
        Assert.Equal(WebhookEvents.ResponseCreated, (string?)body["type"]);
        Assert.StartsWith("whd_", (string?)body["id"]);
        Assert.Equal((string?)body["id"], webhook.Header("Feedback-Delivery"));
        Assert.True(JsonNode.DeepEquals(answer, body["data"]), $"{answer} != {body["data"]}");
        var logged = Assert.Single(await DeliveryLogAsync((string)subscription["id"]!));
        Assert.Equal("succeeded", (string?)logged!["status"]);
        Assert.Equal(1, (int?)logged["attempts"]);
        Assert.Equal(200, (int?)logged["lastStatusCode"]);
    }

    [Fact]
    public async Task DetractorAlertGetsOnlyScoresUpToSix()
    {
        var detractors = await SubscribeAsync([WebhookEvents.ResponseCreated], maxScore: 6, path: "/detractors");
        var templateId = await Factory.CreateTemplateAsync("nps");
        using var ingest = await Factory.CreateClientAsync(ApiScope.Ingest);
        foreach (var (id, score) in new[] { ("a", 3), ("b", 9), ("c", 6), ("d", 7), ("e", 0) })
        {
            await ingest.RecordAsync(ResponseBodies.Phone(id, templateId, score: score));
        }

        await DeliverAsync();

        // Answers stored in the same millisecond have no defined order, so the scores are compared as a set.
        Assert.Equal([0, 3, 6], Receiver.Received.Select(w => w.Json.GetProperty("data").GetProperty("score").GetInt32()).Order());
        Assert.Equal(3, (await DeliveryLogAsync((string)detractors["id"]!)).Count);
    }

    [Fact]
    public async Task ChangedAnswerOnTheAnswerPageIsPublishedAsUpdated()
    {
        await SubscribeAsync([WebhookEvents.ResponseCreated, WebhookEvents.ResponseUpdated]);
        await CreateTemplateAsync(t => t["delay"] = "PT0S");
        var surveyId = await PostEventAsync("e-1", "en", "amy@example.co.uk");
        await Dispatcher.DispatchDueAsync();
        var token = (await SurveyAsync(surveyId)).Token;
        using var browser = Factory.CreateAnonymousClient();

        (await browser.GetAsync($"/s/{token}?score=5")).EnsureSuccessStatusCode();
        Factory.Time.Advance(TimeSpan.FromMinutes(1));
        (await browser.GetAsync($"/s/{token}?score=2")).EnsureSuccessStatusCode();
        await DeliverAsync();

        var received = Receiver.Received.Select(w => w.Json).OrderBy(j => j.GetProperty("id").GetString(), StringComparer.Ordinal).ToList();
        Assert.Equal([WebhookEvents.ResponseCreated, WebhookEvents.ResponseUpdated], received.Select(j => j.GetProperty("type").GetString()));
        Assert.Equal([5, 2], received.Select(j => j.GetProperty("data").GetProperty("score").GetInt32()));
        Assert.All(received, j => Assert.Equal(surveyId, j.GetProperty("data").GetProperty("surveyId").GetString()));
    }

    [Fact]
    public async Task ReceiverThatKeepsFailingEndsFailedAfterTheLastAttempt()
    {
        var subscription = await SubscribeAsync([WebhookEvents.ResponseCreated]);
        var templateId = await Factory.CreateTemplateAsync("csat");
        using var ingest = await Factory.CreateClientAsync(ApiScope.Ingest);
        await ingest.RecordAsync(ResponseBodies.Phone("call-1", templateId));
        Receiver.Enqueue(503);
        Receiver.Enqueue(502);
        Receiver.Enqueue(500);

        for (var run = 0; run < 5; run++)
        {
            await DeliverAsync();
            Factory.Time.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(3, Receiver.Received.Count);
        var logged = Assert.Single(await DeliveryLogAsync((string)subscription["id"]!))!;
        Assert.Equal("failed", (string?)logged["status"]);
        Assert.Equal(3, (int?)logged["attempts"]);
        Assert.Equal(500, (int?)logged["lastStatusCode"]);
        Assert.Contains("gave up after 3 attempts", (string?)logged["lastError"]);
        Assert.Null(logged["nextAttemptAt"]);
    }

    [Fact]
    public async Task UndeliverableSurveyIsPublishedAsSurveyFailedAndErasureRemovesTheAddressFromThePayload()
    {
        var subscription = await SubscribeAsync([WebhookEvents.SurveyFailed]);
        await CreateTemplateAsync(t => t["delay"] = "PT0S");
        var surveyId = await PostEventAsync("e-1", "en", "amy@example.co.uk");
        SendGrid.Enqueue(FakeSendGridResponse.Error(400, "The from email does not contain a valid address."));
        await Dispatcher.DispatchDueAsync();

        var erased = await (await Admin.DeleteAsync("/v1/customers/amy@example.co.uk")).Content.ReadFromJsonAsync<JsonObject>();
        await DeliverAsync();

        Assert.Equal(1, (int?)erased!["webhookDeliveries"]);
        var data = Assert.Single(Receiver.Received).Json.GetProperty("data");
        Assert.Equal(surveyId, data.GetProperty("id").GetString());
        Assert.Equal("failed", data.GetProperty("status").GetString());
        Assert.Equal(Erasure.Email, data.GetProperty("customer").GetProperty("email").GetString());
        Assert.False(data.TryGetProperty("token", out _));
        var stored = await Factory.Services.GetRequiredService<IWebhookStore>().ListDeliveriesAsync((string)subscription["id"]!, null, 10);
        var payload = JsonNode.Parse(Assert.Single(stored.Items).Payload)!;
        Assert.Equal(Erasure.Email, (string?)payload["data"]!["customer"]!["email"]);
    }

    [Fact]
    public async Task ErasureRemovesTheCommentFromPendingPayloadsAndARepeatCountsNothing()
    {
        await SubscribeAsync([WebhookEvents.ResponseCreated]);
        var templateId = await Factory.CreateTemplateAsync("csat");
        using var ingest = await Factory.CreateClientAsync(ApiScope.Ingest);
        await ingest.RecordAsync(ResponseBodies.Phone("call-1", templateId, comment: "Ring me on 0900 123 456", customerId: "c-dana"));
        await ingest.RecordAsync(ResponseBodies.Phone("call-2", templateId, comment: "Fine", customerId: "c-zoe"));

        var first = await (await Admin.DeleteAsync("/v1/customers/c-dana")).Content.ReadFromJsonAsync<JsonObject>();
        var again = await (await Admin.DeleteAsync("/v1/customers/c-dana")).Content.ReadFromJsonAsync<JsonObject>();
        await DeliverAsync();

        Assert.Equal(1, (int?)first!["webhookDeliveries"]);
        Assert.Equal(0, (int?)again!["webhookDeliveries"]);
        var comments = Receiver.Received.ToDictionary(
            w => w.Json.GetProperty("data").GetProperty("customerId").GetString()!, w => w.Json.GetProperty("data").GetProperty("comment").GetString());
        Assert.Null(comments["c-dana"]);
        Assert.Equal("Fine", comments["c-zoe"]);
    }
}
