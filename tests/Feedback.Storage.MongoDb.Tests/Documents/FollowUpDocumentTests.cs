using Feedback.Core.Common;
using Feedback.Core.FollowUps;
using Feedback.Storage.MongoDb.Documents;

namespace Feedback.Storage.MongoDb.Tests.Documents;

public sealed class FollowUpDocumentTests
{
    // Records compare list and dictionary members by reference; these stand in for them so the rest compares by value.
    private static readonly FollowUpNote[] NoNotes = [];
    private static readonly string[] NoReasons = [];
    private static readonly Dictionary<string, string> NoProperties = [];

    private static FollowUp Opened() => FollowUpOpening.OfAnswer(Samples.Response() with { Score = 3 }, null,
        new FollowUpSource(new FollowUpPolicy(6, IsoDuration.Parse("PT24H")), Samples.Survey().Customer))!.Open!;

    [Fact]
    public void FollowUpIsStoredWithTopLevelFilterFields()
    {
        var bson = Bson.Serialize(FollowUpDocument.From(Opened() with { Assignee = "maria", Status = FollowUpStatus.InProgress }));

        Assert.Equal("InProgress", bson["status"].AsString);
        Assert.Equal("maria", bson["assignee"].AsString);
        Assert.Equal("c-17", bson["customerId"].AsString);
        Assert.False(bson["overdue"].AsBoolean);
        Assert.True(bson["dueAt"].IsValidDateTime);
        Assert.False(bson["customer"].AsBsonDocument.Contains("timeZone"));
    }

    [Fact]
    public void FollowUpSurvivesTheRoundTripWithEveryField()
    {
        var followUp = Opened() with
        {
            Assignee = "maria",
            Overdue = true,
            ResolvedAt = Samples.Now.AddHours(2),
            Status = FollowUpStatus.Resolved,
            Notes = [new FollowUpNote(Samples.Now.AddHours(1), "maria", "Called, refund sent.")],
            Version = 4,
        };

        var read = Bson.RoundTrip(FollowUpDocument.From(followUp)).ToFollowUp();

        Assert.Equal(followUp.Notes, read.Notes);
        Assert.Equal(followUp.Properties.OrderBy(p => p.Key), read.Properties.OrderBy(p => p.Key));
        Assert.Equal(followUp.Reasons, read.Reasons);
        Assert.Equal(followUp with { Notes = NoNotes, Properties = NoProperties, Reasons = NoReasons },
            read with { Notes = NoNotes, Properties = NoProperties, Reasons = NoReasons });
    }

    [Fact]
    public void PendingChangeTravelsOnTheResponseAndReadsBackAsTheSameChange()
    {
        var change = FollowUpOpening.OfAnswer(Samples.Response() with { Score = 3 }, Samples.Response() with { Score = 2 },
            new FollowUpSource(new FollowUpPolicy(6, IsoDuration.Parse("PT24H")), Samples.Survey().Customer))!;
        var pending = PendingFollowUpDocument.From(change)!;

        var bson = Bson.Serialize(ResponseDocument.From(Samples.Response(), pending));
        var read = Bson.Deserialize<ResponseDocument>(bson).PendingFollowUp!.ToChange(change.ResponseId);

        Assert.Equal(pending.Key, bson["pendingFollowUp"]["key"].AsString);
        Assert.Equal((change.ResponseId, change.Score, change.Comment, change.Note, change.At), (read.ResponseId, read.Score, read.Comment, read.Note, read.At));
        Assert.Equal(change.Open!.Id, read.Open!.Id);
    }
}
