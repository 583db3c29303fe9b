using Feedback.Storage.MongoDb.Queries;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;

namespace Feedback.Storage.MongoDb.Tests.Queries;

public sealed class ProjectionTests
{
    // The driver's LINQ provider sends aggregation expressions as find projections (MongoDB 4.4 and later).
    [Fact]
    public void ClaimCandidatesFetchOnlyIdAndSendAtAndReadTheDateBack()
    {
        var rendered = Bson.Render(MongoOutboxQueries.Candidate());

        Bson.AssertEqual("{ _id: '$_id', sendAt: '$sendAt' }", rendered.Document);
        var candidate = Read(rendered.ProjectionSerializer, "{ _id: 'srv_1', sendAt: ISODate('2026-11-23T10:00:00.123Z') }");
        Assert.Equal(new ClaimCandidate("srv_1", Samples.Now), candidate);
    }

    [Fact]
    public void IdOnlyFetchesTheIdAlone()
    {
        var rendered = Bson.Render(MongoSurveyQueries.IdOnly());

        Bson.AssertEqual("{ _v: '$_id', _id: 0 }", rendered.Document);
        Assert.Equal("srv_1", Read(rendered.ProjectionSerializer, "{ _v: 'srv_1' }"));
    }

    /// <summary>Reads a reply document as the driver does, with the serializer the projection rendered.</summary>
    private static T Read<T>(IBsonSerializer<T> serializer, string reply)
    {
        using var reader = new BsonDocumentReader(BsonDocument.Parse(reply));
        return serializer.Deserialize(BsonDeserializationContext.CreateRoot(reader));
    }
}
