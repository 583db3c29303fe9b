using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Feedback.Storage.Sqlite;

/// <summary>How values are written to columns: times as fixed-width UTC round-trip text (sorts chronologically), documents as JSON.</summary>
internal static class SqliteValues
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static object TimeOrNull(DateTimeOffset? value) => value is { } v ? Time(v) : DBNull.Value;

    public static DateTimeOffset ParseTime(string text) =>
        new(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), TimeSpan.Zero);

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static T FromJson<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)
        ?? throw new InvalidDataException($"Stored JSON of {typeof(T).Name} is null.");
}
