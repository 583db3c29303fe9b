using System.Text.Json.Nodes;

namespace Feedback.Api.Tests.Security;

/// <summary>
/// Makes JSON values for a schema from a seeded <see cref="Random"/>: mostly plausible ones (so requests get past the
/// first check), and with <see cref="HostileShare"/> odds per value a hostile one: boundary numbers, huge or odd strings,
/// a wrong type, null, a huge array or deep nesting.
/// </summary>
public sealed class FuzzValues(OpenApiOperations document, Random random, IReadOnlyList<string> knownIds)
{
    public double HostileShare { get; init; } = 0.3;

    public static readonly string[] OddStrings =
    [
        "", " ", new string('x', 100_000), "\u0000", "\u202Eevil", "ž🙂\u05D0", "\ud800", "'; DROP TABLE surveys; --", "<script>alert(1)</script>",
        "{{ 7 * 7 }}", "{% raw %}", "../../etc/passwd", "%00", "1e308", "-1", "NaN", "null", "P99999999Y", "PT-1H", "P1Y", "9999-12-31T23:59:59Z",
        "0001-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "Mars/Olympus", "xx-XX-invalid", "a@b", "@", new string('é', 5000) + "@example.sk",
    ];

    public static readonly JsonNode?[] OddNumbers = [0, -1, int.MaxValue, int.MinValue, long.MaxValue, 1e308, -1e308, 0.5, 9007199254740993m, 1e-320];

    public JsonNode? Value(JsonNode schema, int depth = 0)
    {
        schema = document.Resolve(schema);
        if (random.NextDouble() < HostileShare)
        {
            return Hostile(depth);
        }
        if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray alternatives)
        {
            var options = alternatives.Where(o => (string?)o!["type"] != "null").ToList();
            return options.Count == 0 ? null : Value(options[random.Next(options.Count)]!, depth);
        }
        if (schema["enum"] is JsonArray values && values.Count > 0)
        {
            return values[random.Next(values.Count)]?.DeepClone();
        }
        return TypeOf(schema) switch
        {
            "object" => Object(schema, depth),
            "array" => new JsonArray(Enumerable.Range(0, random.Next(3)).Select(_ => Value(schema["items"] ?? new JsonObject(), depth + 1)).ToArray()),
            "integer" => random.Next(-2, 12),
            "number" => Math.Round(random.NextDouble(), 2),
            "boolean" => random.Next(2) == 0,
            "string" => PlausibleString(schema),
            _ => null,
        };
    }

    private JsonObject Object(JsonNode schema, int depth)
    {
        var result = new JsonObject();
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                if (random.NextDouble() < 0.9)
                {
                    result[name] = Value(property!, depth + 1);
                }
            }
        }
        else if (depth < 4)
        {
            result["channel"] = "email";
            var key = Pick(OddStrings);
            result[key[..Math.Min(50, key.Length)]] = Hostile(depth + 1);
        }
        return result;
    }

    private string PlausibleString(JsonNode schema) => (string?)schema["format"] switch
    {
        "date-time" => new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(-100_000, 100_000)).ToString("O"),
        "email" => $"c{random.Next(100)}@example.sk",
        _ => random.Next(6) switch
        {
            0 => knownIds[random.Next(knownIds.Count)],
            1 => "PT" + random.Next(48) + "H",
            2 => $"c{random.Next(100)}@example.sk",
            3 => "en",
            4 => "ticket.resolved",
            _ => "s" + random.Next(1000),
        },
    };

    /// <summary>A value of no particular type: what a careless or hostile client might send anywhere.</summary>
    public JsonNode? Hostile(int depth) => random.Next(7) switch
    {
        0 => null,
        1 => Pick(OddNumbers)?.DeepClone(),
        2 or 3 => Pick(OddStrings),
        4 => random.Next(2) == 0,
        5 => depth > 3 ? new JsonArray() : new JsonArray(Enumerable.Range(0, random.Next(2) == 0 ? 3 : 20_000).Select(_ => (JsonNode?)0).ToArray()),
        _ => depth > 3 ? new JsonObject() : new JsonObject { ["a"] = Hostile(depth + 1), ["b"] = new JsonArray(Hostile(depth + 1)) },
    };

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];

    private static string? TypeOf(JsonNode schema) => schema["type"] switch
    {
        JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
        JsonValue type => (string?)type,
        _ => schema["properties"] is not null ? "object" : null,
    };
}
