using System.Text.Json;
using System.Text.Json.Serialization;
using Feedback.Api.Hosting;
using Feedback.Api.Features.Operations;
using Feedback.Api.Hosting.Telemetry;

namespace Feedback.Api.Hosting.OpenApi;

/// <summary>
/// Enums as exactly one of their camelCase names (<see cref="EnumNames"/>, the rule of queries and routes too). The
/// built-in string enum converter also reads other casings ("NPS"), and "csat, ces" as a flags combination for enums that
/// are not [Flags] (dotnet/runtime#122550): "nps,csat" became csat, and "csat, ces" an undefined value that was stored
/// and then failed every response that serialized it. It still writes the names.
/// </summary>
public sealed class StrictEnumConverter : JsonConverterFactory
{
    private readonly JsonStringEnumConverter _names = new(JsonNamingPolicy.CamelCase, allowIntegerValues: false);

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(DefinedOnly<>).MakeGenericType(typeToConvert), _names.CreateConverter(typeToConvert, options))!;

    private sealed class DefinedOnly<T>(JsonConverter<T> names) : JsonConverter<T> where T : struct, Enum
    {
        // A JsonException without a message gets the serializer's own "could not be converted" message and path.
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && EnumNames.TryParse<T>(reader.GetString(), out var value)
                ? value
                : throw new JsonException();

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => names.Write(writer, value, options);
    }
}
