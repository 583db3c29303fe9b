using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Conventions;
using MongoDB.Bson.Serialization.Serializers;

namespace Feedback.Storage.MongoDb;

/// <summary>
/// How the adapter's documents map to BSON, registered once per process and only for this assembly's types:
/// camelCase element names, enums as their names, absent instead of null, unknown elements ignored (a newer
/// replica may have added fields), and explicit representations for times and GUIDs.
/// </summary>
internal static class MongoConventions
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        var pack = new ConventionPack
        {
            new CamelCaseElementNameConvention(),
            new EnumRepresentationConvention(BsonType.String, topLevelOnly: false),
            new IgnoreIfNullConvention(true),
            new IgnoreExtraElementsConvention(true),
            new ExplicitRepresentationConvention(),
        };
        ConventionRegistry.Register("Feedback.Storage.MongoDb", pack, type => type.Namespace?.StartsWith(typeof(MongoConventions).Namespace!, StringComparison.Ordinal) == true);
        return true;
    });

    /// <summary>Registers the conventions; must run before the first (de)serialization of a document type builds its class map.</summary>
    public static void Register() => _ = Registered.Value;

    /// <summary>
    /// Times as BSON dates (UTC, millisecond precision) rather than the driver's default <c>[ticks, offset]</c> array,
    /// so the server can range-query, index and aggregate them; GUIDs as the standard UUID subtype.
    /// </summary>
    private sealed class ExplicitRepresentationConvention() : ConventionBase("ExplicitRepresentation"), IMemberMapConvention
    {
        private static readonly DateTimeOffsetSerializer Date = new(BsonType.DateTime);
        private static readonly GuidSerializer Uuid = new(GuidRepresentation.Standard);

        public void Apply(BsonMemberMap memberMap)
        {
            IBsonSerializer? serializer = memberMap.MemberType switch
            {
                var t when t == typeof(DateTimeOffset) => Date,
                var t when t == typeof(DateTimeOffset?) => new NullableSerializer<DateTimeOffset>(Date),
                var t when t == typeof(DateTime) => DateTimeSerializer.UtcInstance,
                var t when t == typeof(DateTime?) => new NullableSerializer<DateTime>(DateTimeSerializer.UtcInstance),
                var t when t == typeof(Guid) => Uuid,
                var t when t == typeof(Guid?) => new NullableSerializer<Guid>(Uuid),
                _ => null,
            };
            if (serializer is not null)
            {
                memberMap.SetSerializer(serializer);
            }
        }
    }
}
