using Feedback.Core.Webhooks;

namespace Feedback.Storage.Contract;

// IWebhookOutbox: due deliveries are claimed under a lease, and only the claim's owner records the outcome.
public abstract class WebhookOutboxContract<TAdapter> : StorageContract<TAdapter> where TAdapter : StorageUnderTest, new()
{
    [Fact]
    public async Task ClaimTakesDuePendingDeliveriesOldestFirstUpToTheLimitAndMovesThemToTheLeaseEnd()
    {
        var now = Time.GetUtcNow();
        var first = SampleDelivery("whk_a", nextAttemptAt: now.AddMinutes(-5));
        var second = SampleDelivery("whk_a", nextAttemptAt: now.AddMinutes(-1));
        var third = SampleDelivery("whk_a", nextAttemptAt: now);
        var later = SampleDelivery("whk_a", nextAttemptAt: now.AddSeconds(1));
        await WebhookOutbox.EnqueueAsync([third, later, first, second]);

        var claimed = await WebhookOutbox.ClaimDueAsync(now, "owner-a", Lease, limit: 2);
        var rest = await WebhookOutbox.ClaimDueAsync(now, "owner-b", Lease, limit: 10);

        Assert.Equal([first with { NextAttemptAt = now + Lease }, second with { NextAttemptAt = now + Lease }], claimed);
        Assert.Equal([third.Id], rest.Select(d => d.Id));
    }

    [Fact]
    public async Task ClaimedDeliveryIsClaimedAgainOnlyWhenItsLeaseHasEnded()
    {
        var now = Time.GetUtcNow();
        var delivery = SampleDelivery("whk_a", nextAttemptAt: now);
        await WebhookOutbox.EnqueueAsync([delivery]);
        Assert.Single(await WebhookOutbox.ClaimDueAsync(now, "owner-a", Lease, 10));

        var beforeTheEnd = await WebhookOutbox.ClaimDueAsync(now + Lease - TimeSpan.FromMilliseconds(1), "owner-b", Lease, 10);
        var atTheEnd = await WebhookOutbox.ClaimDueAsync(now + Lease, "owner-b", Lease, 10);

        Assert.Empty(beforeTheEnd);
        Assert.Equal([delivery.Id], atTheEnd.Select(d => d.Id));
        Assert.False(await WebhookOutbox.MarkSucceededAsync(delivery.Id, "owner-a", 200, now));
    }

    [Fact]
    public async Task SucceededDeliveryRecordsTheAttemptAndIsNotClaimedAgain()
    {
        var now = Time.GetUtcNow();
        var delivery = SampleDelivery("whk_a", nextAttemptAt: now) with { Attempts = 1, LastStatusCode = 500, LastError = "the receiver answered 500" };
        await WebhookOutbox.EnqueueAsync([delivery]);
        await WebhookOutbox.ClaimDueAsync(now, "owner-a", Lease, 10);

        Assert.True(await WebhookOutbox.MarkSucceededAsync(delivery.Id, "owner-a", 204, now.AddSeconds(2)));
        Assert.False(await WebhookOutbox.MarkSucceededAsync(delivery.Id, "owner-a", 204, now.AddSeconds(3)));

        var stored = Assert.Single((await Webhooks.ListDeliveriesAsync("whk_a", null, 10)).Items);
        Assert.Equal(delivery with
        {
            Status = WebhookDeliveryStatus.Succeeded, Attempts = 2, LastStatusCode = 204, LastError = null,
            NextAttemptAt = now + Lease, DeliveredAt = now.AddSeconds(2),
        }, stored);
        Assert.Empty(await WebhookOutbox.ClaimDueAsync(now.AddDays(1), "owner-b", Lease, 10));
    }

    [Fact]
    public async Task ReleasedDeliveryIsDueAgainAtItsNextAttemptWithTheErrorRecorded()
    {
        var now = Time.GetUtcNow();
        var delivery = SampleDelivery("whk_a", nextAttemptAt: now);
        await WebhookOutbox.EnqueueAsync([delivery]);
        await WebhookOutbox.ClaimDueAsync(now, "owner-a", Lease, 10);
        var retryAt = now.AddSeconds(30);

        Assert.True(await WebhookOutbox.ReleaseAsync(delivery.Id, "owner-a", retryAt, null, "connection refused"));
        Assert.False(await WebhookOutbox.ReleaseAsync(delivery.Id, "owner-a", retryAt, null, "connection refused"));

        var expected = delivery with { Attempts = 1, NextAttemptAt = retryAt, LastError = "connection refused" };
        Assert.Equal([expected], (await Webhooks.ListDeliveriesAsync("whk_a", null, 10)).Items);
        Assert.Empty(await WebhookOutbox.ClaimDueAsync(retryAt.AddMilliseconds(-1), "owner-b", Lease, 10));
        Assert.Equal([expected with { NextAttemptAt = retryAt + Lease }], await WebhookOutbox.ClaimDueAsync(retryAt, "owner-b", Lease, 10));
    }

    [Fact]
    public async Task FailedDeliveryEndsAndIsNeverClaimedAgain()
    {
        var now = Time.GetUtcNow();
        var delivery = SampleDelivery("whk_a", nextAttemptAt: now) with { Attempts = 7 };
        await WebhookOutbox.EnqueueAsync([delivery]);
        await WebhookOutbox.ClaimDueAsync(now, "owner-a", Lease, 10);

        Assert.False(await WebhookOutbox.MarkFailedAsync(delivery.Id, "owner-b", 503, "not mine"));
        Assert.True(await WebhookOutbox.MarkFailedAsync(delivery.Id, "owner-a", 503, "gave up after 8 attempts"));

        var stored = Assert.Single((await Webhooks.ListDeliveriesAsync("whk_a", null, 10)).Items);
        Assert.Equal(delivery with
        {
            Status = WebhookDeliveryStatus.Failed, Attempts = 8, LastStatusCode = 503, LastError = "gave up after 8 attempts", NextAttemptAt = now + Lease,
        }, stored);
        Assert.Empty(await WebhookOutbox.ClaimDueAsync(now.AddDays(1), "owner-c", Lease, 10));
    }
}
