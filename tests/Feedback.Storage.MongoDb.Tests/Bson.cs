using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb.Tests;

/// <summary>Renders what the adapter would send, and (de)serializes documents, with the adapter's conventions in force.</summary>
internal static class Bson
{
    static Bson() => MongoConventions.Register();

    public static BsonDocument Render<T>(FilterDefinition<T> filter) => filter.Render(Args<T>());

    public static BsonValue Render<T>(UpdateDefinition<T> update) => update.Render(Args<T>());

    public static BsonDocument Render<T>(SortDefinition<T> sort) => sort.Render(Args<T>());

    public static BsonDocument Render<T>(IndexKeysDefinition<T> keys) => keys.Render(Args<T>());

    public static BsonDocument Render<T>(ProjectionDefinition<T> projection) => projection.Render(Args<T>());

    public static RenderedProjectionDefinition<TProjection> Render<T, TProjection>(ProjectionDefinition<T, TProjection> projection) => projection.Render(Args<T>());

    public static BsonDocument Serialize<T>(T document) => document.ToBsonDocument();

    public static T Deserialize<T>(BsonDocument bson) => BsonSerializer.Deserialize<T>(bson);

    /// <summary>Serializes and reads back, as a write followed by a read would.</summary>
    public static T RoundTrip<T>(T document) => Deserialize<T>(Serialize(document));

    /// <summary>Compares with a document written in shell syntax (<c>ISODate(…)</c> allowed); xunit shows both as JSON when they differ.</summary>
    public static void AssertEqual(string expectedShell, BsonValue actual) => Assert.Equal(Parse(expectedShell), actual);

    public static BsonValue Parse(string shell) => shell.TrimStart().StartsWith('[')
        ? MongoDB.Bson.Serialization.BsonSerializer.Deserialize<BsonArray>(shell)
        : BsonDocument.Parse(shell);

    private static RenderArgs<T> Args<T>() => new(BsonSerializer.LookupSerializer<T>(), BsonSerializer.SerializerRegistry);
}
