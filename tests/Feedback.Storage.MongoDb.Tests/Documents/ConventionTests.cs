using MongoDB.Bson;

namespace Feedback.Storage.MongoDb.Tests.Documents;

public sealed class ConventionTests
{
    [Fact]
    public void GuidsAreStandardUuidsAndDateTimesUtcDates()
    {
        var probe = new RepresentationProbe
        {
            Key = Guid.Parse("0193f1c2-a000-7000-a000-000000000001"),
            At = new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc),
        };

        var bson = Bson.Serialize(probe);

        Assert.Equal(BsonBinarySubType.UuidStandard, bson["key"].AsBsonBinaryData.SubType);
        Assert.Equal(new BsonDateTime(probe.At), bson["at"]);
        Assert.DoesNotContain("maybe", bson.Names);
        Assert.Equal(probe.Key, Bson.RoundTrip(probe).Key);
    }

    [Fact]
    public void UnknownElementsWrittenByANewerReplicaAreIgnored()
    {
        var bson = new BsonDocument { { "_id", "x" }, { "key", new BsonBinaryData(Guid.Empty, GuidRepresentation.Standard) }, { "at", DateTime.UnixEpoch }, { "addedLater", 1 } };

        var probe = Bson.Deserialize<RepresentationProbe>(bson);

        Assert.Equal(DateTime.UnixEpoch, probe.At);
    }

    // In the adapter's namespace, so the adapter's conventions apply to it as to its documents.
    private sealed class RepresentationProbe
    {
        public string Id { get; init; } = "x";
        public Guid Key { get; init; }
        public DateTime At { get; init; }
        public Guid? Maybe { get; init; }
    }
}
