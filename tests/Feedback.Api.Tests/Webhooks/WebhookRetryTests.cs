using Feedback.Api.Tests.Responses;
using Feedback.Core.Auth;
using Feedback.Core.Webhooks;

namespace Feedback.Api.Tests.Webhooks;

public sealed class WebhookRetryTests : WebhookFixture
{
    protected override bool SchedulingEnabled => true;

    protected override string WebhookPollInterval => "00:00:01";

    [Fact]
    public async Task ReceiverAnswering500ThenOkGetsTheDeliveryOnALaterJobRun()
    {
        var subscription = await SubscribeAsync([WebhookEvents.ResponseCreated]);
        var templateId = await Factory.CreateTemplateAsync("nps");
        using var ingest = await Factory.CreateClientAsync(ApiScope.Ingest);
        Receiver.Enqueue(500);
        await ingest.RecordAsync(ResponseBodies.Phone("call-1", templateId, score: 2));

        // Quartz takes its clock from the injected TimeProvider, so each step lets the job fire; the retry is due 15–30 s later.
        var log = new System.Text.Json.Nodes.JsonArray();
        for (var step = 0; step < 100 && (log.Count == 0 || (string?)log[0]!["status"] != "succeeded"); step++)
        {
            Factory.Time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(50, TestContext.Current.CancellationToken);
            if (Receiver.Received.Count >= 2)
            {
                log = await DeliveryLogAsync((string)subscription["id"]!);
            }
        }

        Assert.Equal(2, Receiver.Received.Count);
        Assert.Equal(Receiver.Received[0].Body, Receiver.Received[1].Body);
        var logged = Assert.Single(log)!;
        Assert.Equal("succeeded", (string?)logged["status"]);
        Assert.Equal(2, (int?)logged["attempts"]);
        Assert.Equal(200, (int?)logged["lastStatusCode"]);
        Assert.NotNull(logged["deliveredAt"]);
    }
}
