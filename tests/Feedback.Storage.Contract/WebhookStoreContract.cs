using Feedback.Core.Common;
using Feedback.Core.Webhooks;

namespace Feedback.Storage.Contract;

// IWebhookStore: subscriptions, who subscribes to what, the delivery log and erasure of payloads.
public abstract class WebhookStoreContract<TAdapter> : StorageContract<TAdapter> where TAdapter : StorageUnderTest, new()
{
    [Fact]
    public async Task AddedSubscriptionReadsBackWithItsSecret()
    {
        var subscription = SampleSubscription(minScore: 0, maxScore: 6);

        await Webhooks.AddSubscriptionAsync(subscription);

        AssertSameSubscription(subscription, await Webhooks.GetSubscriptionAsync(subscription.Id));
        Assert.Null(await Webhooks.GetSubscriptionAsync("whk_unknown"));
    }

    [Fact]
    public async Task SubscriptionsAreListedByIdAndPagedByCursor()
    {
        var all = new List<WebhookSubscription>();
        for (var i = 0; i < 5; i++)
        {
            all.Add(SampleSubscription());
            await Webhooks.AddSubscriptionAsync(all[^1]);
        }

        var first = await Webhooks.ListSubscriptionsAsync(null, 3);
        Assert.True(PageCursor.TryDecode(first.NextCursor, out var after));
        var second = await Webhooks.ListSubscriptionsAsync(after, 3);

        Assert.Equal(all.Select(s => s.Id), first.Items.Concat(second.Items).Select(s => s.Id));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task SubscribersAreThoseListingTheEventType()
    {
        var created = SampleSubscription(events: [WebhookEvents.ResponseCreated]);
        var both = SampleSubscription(events: [WebhookEvents.ResponseUpdated, WebhookEvents.ResponseCreated]);
        var failed = SampleSubscription(events: [WebhookEvents.SurveyFailed]);
        foreach (var s in new[] { created, both, failed })
        {
            await Webhooks.AddSubscriptionAsync(s);
        }

        Assert.Equal([created.Id, both.Id], (await Webhooks.SubscribersAsync(WebhookEvents.ResponseCreated)).Select(s => s.Id));
        Assert.Equal([both.Id], (await Webhooks.SubscribersAsync(WebhookEvents.ResponseUpdated)).Select(s => s.Id));
        Assert.Equal([failed.Id], (await Webhooks.SubscribersAsync(WebhookEvents.SurveyFailed)).Select(s => s.Id));
    }

    [Fact]
    public async Task DeletingASubscriptionRemovesItAndItsDeliveriesOnce()
    {
        var gone = SampleSubscription();
        var kept = SampleSubscription();
        await Webhooks.AddSubscriptionAsync(gone);
        await Webhooks.AddSubscriptionAsync(kept);
        await WebhookOutbox.EnqueueAsync([SampleDelivery(gone.Id), SampleDelivery(kept.Id)]);

        Assert.True(await Webhooks.DeleteSubscriptionAsync(gone.Id));
        Assert.False(await Webhooks.DeleteSubscriptionAsync(gone.Id));

        Assert.Null(await Webhooks.GetSubscriptionAsync(gone.Id));
        Assert.Empty((await Webhooks.ListDeliveriesAsync(gone.Id, null, 10)).Items);
        Assert.Single((await Webhooks.ListDeliveriesAsync(kept.Id, null, 10)).Items);
        Assert.Single(await WebhookOutbox.ClaimDueAsync(Time.GetUtcNow(), "owner-a", Lease, 10));
    }

    [Fact]
    public async Task DeliveryLogIsPerSubscriptionOldestFirstAndPagedByCursor()
    {
        var subscription = SampleSubscription();
        var other = SampleSubscription();
        var deliveries = Enumerable.Range(0, 4).Select(_ => SampleDelivery(subscription.Id)).ToList();
        await WebhookOutbox.EnqueueAsync([.. deliveries, SampleDelivery(other.Id)]);

        var first = await Webhooks.ListDeliveriesAsync(subscription.Id, null, 3);
        Assert.True(PageCursor.TryDecode(first.NextCursor, out var after));
        var second = await Webhooks.ListDeliveriesAsync(subscription.Id, after, 3);

        Assert.Equal(deliveries, first.Items.Concat(second.Items));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task ErasureRewritesOnlyTheCustomersPayloadsAndARepeatChangesNothing()
    {
        var subscription = SampleSubscription();
        var dana = SampleDelivery(subscription.Id, customerId: "c-dana", payload: """{"comment":"dana@example.co.il"}""");
        var zoe = SampleDelivery(subscription.Id, customerId: "c-zoe", payload: """{"comment":"zoe"}""");
        await WebhookOutbox.EnqueueAsync([dana, zoe]);
        static string Redact(string p) => p.Contains("@") ? """{"comment":null}""" : p;

        var erased = await Webhooks.EraseCustomerAsync("c-dana", Redact);
        var again = await Webhooks.EraseCustomerAsync("c-dana", Redact);

        Assert.Equal(1, erased);
        Assert.Equal(0, again);
        var log = (await Webhooks.ListDeliveriesAsync(subscription.Id, null, 10)).Items;
        Assert.Equal([dana with { Payload = """{"comment":null}""" }, zoe], log);
    }

    private WebhookSubscription SampleSubscription(IReadOnlyList<string>? events = null, int? minScore = null, int? maxScore = null)
    {
        Time.Advance(TimeSpan.FromMilliseconds(1));
        return new WebhookSubscription
        {
            Id = Ids.New("whk", Time),
            Url = "https://hooks.example.com/feedback?team=cx",
            Events = events ?? [WebhookEvents.ResponseCreated, WebhookEvents.SurveyFailed],
            MinScore = minScore,
            MaxScore = maxScore,
            Secret = WebhookSignature.NewSecret(),
            CreatedAt = Time.GetUtcNow(),
        };
    }

    private static void AssertSameSubscription(WebhookSubscription expected, WebhookSubscription? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Events = [] }, actual with { Events = [] });
        Assert.Equal(expected.Events, actual.Events);
    }
}
