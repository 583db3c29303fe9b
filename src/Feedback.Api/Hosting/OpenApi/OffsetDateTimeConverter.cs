using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Feedback.Api.Hosting.OpenApi;

/// <summary>
/// Date-times in request bodies say their offset: ISO-8601 with <c>Z</c> or <c>±hh:mm</c>. The built-in converter also
/// reads "2026-12-01T10:00:00" and "2026-12-01" in the server's time zone, so the same request meant another instant on
/// another server. Written as before.
/// </summary>
public sealed partial class OffsetDateTimeConverter : JsonConverter<DateTimeOffset>
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex WithOffset();

    // A JsonException without a message gets the serializer's own message and path.
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && WithOffset().IsMatch(reader.GetString()!) && reader.TryGetDateTimeOffset(out var value)
            ? value
            : throw new JsonException();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
