using Feedback.Storage.MongoDb.Documents;
using Feedback.Storage.MongoDb.Queries;

namespace Feedback.Storage.MongoDb.Tests.Queries;

public sealed class EventAndSuppressionQueryTests
{
    [Fact]
    public void OutcomeIsRecordedOnlyWhileNoneIs()
    {
        Bson.AssertEqual("{ _id: 'e-1', outcome: { $exists: false } }", Bson.Render(MongoEventQueries.Unrecorded("e-1")));
    }

    [Fact]
    public void OutcomeLookUpLeavesTheIntentOnTheServer()
    {
        Bson.AssertEqual("{ pending: 0 }", Bson.Render(MongoEventQueries.WithoutIntent()));
    }

    [Fact]
    public void RecordingSetsTheOutcomeAndDropsTheIntent()
    {
        var outcome = EventOutcomeDocument.From(Samples.Outcome());

        var update = Bson.Render(MongoEventQueries.Record(outcome));

        Bson.AssertEqual($"{{ $set: {{ outcome: {Bson.Serialize(outcome)} }}, $unset: {{ pending: 1 }} }}", update);
    }

    [Fact]
    public void ABatchRecordsEachOutcomeOnlyWhileItsEventHasNone()
    {
        var outcome = EventOutcomeDocument.From(Samples.Outcome());

        var writes = MongoEventQueries.RecordEach([("e-1", outcome), ("e-2", outcome)]);

        Assert.Equal(2, writes.Count);
        var second = Assert.IsType<MongoDB.Driver.UpdateOneModel<EventDocument>>(writes[1]);
        Bson.AssertEqual("{ _id: 'e-2', outcome: { $exists: false } }", Bson.Render(second.Filter));
        Bson.AssertEqual($"{{ $set: {{ outcome: {Bson.Serialize(outcome)} }}, $unset: {{ pending: 1 }} }}", Bson.Render(second.Update));
        Bson.AssertEqual("{ _id: { $in: ['e-1', 'e-2'] } }", Bson.Render(MongoEventQueries.ByIds(["e-1", "e-2"])));
    }

    [Fact]
    public void ABatchReadsRecordedOutcomesAndSuppressedAddressesWithOneFilterEach()
    {
        Bson.AssertEqual("{ _id: { $in: ['e-1', 'e-2'] }, outcome: { $exists: true } }",
            Bson.Render(MongoEventQueries.ByIds(["e-1", "e-2"]) & MongoEventQueries.Recorded()));
        Bson.AssertEqual("{ _id: { $in: ['a@example.com', 'b@example.com'] } }", Bson.Render(MongoSuppressionQueries.ByEmails(["a@example.com", "b@example.com"])));
    }

    [Fact]
    public void EventRetentionDeletesByReceivedTime()
    {
        Bson.AssertEqual("{ receivedAt: { $lt: ISODate('2026-11-23T10:00:00.123Z') } }", Bson.Render(MongoEventQueries.ReceivedBefore(Samples.Now)));
        Bson.AssertEqual("{ _id: 'e-1' }", Bson.Render(MongoEventQueries.ById("e-1")));
    }

    [Fact]
    public void SuppressionsPageByEmailAfterTheCursor()
    {
        Bson.AssertEqual("{ }", Bson.Render(MongoSuppressionQueries.After(null)));
        Bson.AssertEqual("{ _id: { $gt: 'b@example.com' } }", Bson.Render(MongoSuppressionQueries.After("b@example.com")));
        Bson.AssertEqual("{ _id: 1 }", Bson.Render(MongoSuppressionQueries.ByEmail()));
        Bson.AssertEqual("{ _id: 'a@example.com' }", Bson.Render(MongoSuppressionQueries.ByEmail("a@example.com")));
    }
}
