using Feedback.Core.Webhooks;
using Feedback.Storage.MongoDb.Documents;
using MongoDB.Bson;
using static Feedback.Storage.MongoDb.Queries.MongoWebhookQueries;

namespace Feedback.Storage.MongoDb.Tests.Queries;

public sealed class WebhookQueryTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void SubscribersAreMatchedByAnElementOfTheirEvents() =>
        Bson.AssertEqual("{ events: 'response.created' }", Bson.Render(SubscribedTo(WebhookEvents.ResponseCreated)));

    [Fact]
    public void DueDeliveriesArePendingWithTheNextAttemptReachedOldestFirst()
    {
        Bson.AssertEqual("{ status: 'Pending', nextAttemptAt: { $lte: ISODate('2026-11-23T10:00:00.123Z') } }", Bson.Render(Due(At)));
        Bson.AssertEqual("{ nextAttemptAt: 1, _id: 1 }", Bson.Render(OldestDue()));
    }

    [Fact]
    public void ClaimRechecksEachCandidateAndMovesItsNextAttemptToTheLeaseEnd()
    {
        Bson.AssertEqual(
            "{ _id: { $in: ['whd_1', 'whd_2'] }, status: 'Pending', nextAttemptAt: { $lte: ISODate('2026-11-23T10:00:00.123Z') } }",
            Bson.Render(Claimable(["whd_1", "whd_2"], At)));
        Bson.AssertEqual("{ $set: { leaseOwner: 'owner-1', nextAttemptAt: ISODate('2026-11-23T10:00:00.123Z') } }", Bson.Render(Claim("owner-1", At)));
        Bson.AssertEqual("{ _id: { $in: ['whd_1'] }, leaseOwner: 'owner-1' }", Bson.Render(ClaimedBy(["whd_1"], "owner-1")));
    }

    [Fact]
    public void OutcomesApplyOnlyToThePendingDeliveryOfTheClaimsOwner() =>
        Bson.AssertEqual("{ _id: 'whd_1', status: 'Pending', leaseOwner: 'owner-1' }", Bson.Render(Owned("whd_1", "owner-1")));

    [Fact]
    public void SuccessRecordsTheStatusCodeAndTimeAndEndsTheAttempt() =>
        Bson.AssertEqual(
            "{ $set: { status: 'Succeeded', lastStatusCode: 204, deliveredAt: ISODate('2026-11-23T10:00:00.123Z') }, $unset: { lastError: 1, leaseOwner: 1 }, $inc: { attempts: 1 } }",
            Bson.Render(Succeeded(204, At)));

    [Fact]
    public void ReleaseSetsTheNextAttemptAndTheErrorAndDropsAMissingStatusCode() =>
        Bson.AssertEqual(
            "{ $set: { nextAttemptAt: ISODate('2026-11-23T10:00:00.123Z'), lastError: 'timeout' }, $unset: { lastStatusCode: 1, leaseOwner: 1 }, $inc: { attempts: 1 } }",
            Bson.Render(Release(At, null, "timeout")));

    [Fact]
    public void FailureEndsTheDeliveryWithTheLastStatusCode() =>
        Bson.AssertEqual(
            "{ $set: { status: 'Failed', lastStatusCode: 503, lastError: 'gave up' }, $inc: { attempts: 1 }, $unset: { leaseOwner: 1 } }",
            Bson.Render(Failed(503, "gave up")));

    [Fact]
    public void DeliveryLogIsTheSubscriptionsAfterTheCursor() =>
        Bson.AssertEqual("{ subscriptionId: 'whk_1', _id: { $gt: 'whd_5' } }", Bson.Render(OfSubscription("whk_1", "whd_5")));

    [Fact]
    public void ErasureRewritesAPayloadOnlyIfItIsStillTheOneRead()
    {
        Bson.AssertEqual("{ customerId: 'c-17' }", Bson.Render(OfCustomer("c-17")));
        Bson.AssertEqual("{ _id: 'whd_1', payload: '{}' }", Bson.Render(WithPayload("whd_1", "{}")));
        Bson.AssertEqual("{ $set: { payload: '{\"a\":1}' } }", Bson.Render(SetPayload("""{"a":1}""")));
    }

    [Fact]
    public void DeliveryDocumentRoundTripsWithStatusAsAName()
    {
        var document = WebhookDeliveryDocument.From(new WebhookDelivery
        {
            Id = "whd_1", SubscriptionId = "whk_1", Type = WebhookEvents.SurveyFailed, Payload = "{}", CustomerId = "c-17",
            Status = WebhookDeliveryStatus.Failed, Attempts = 3, NextAttemptAt = At, LastStatusCode = 500, LastError = "boom", CreatedAt = At,
        });

        var bson = Bson.Serialize(document);

        Assert.Equal("Failed", bson["status"].AsString);
        Assert.False(bson.Contains("deliveredAt"));
        Assert.Equal(BsonType.DateTime, bson["nextAttemptAt"].BsonType);
        Assert.Equivalent(document.ToDelivery(), Bson.RoundTrip(document).ToDelivery());
    }
}
