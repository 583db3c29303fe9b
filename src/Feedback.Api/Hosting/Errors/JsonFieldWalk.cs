using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Feedback.Api.Hosting.OpenApi;
using Feedback.Core.Common;

namespace Feedback.Api.Hosting.Errors;

/// <summary>
/// One pass of <see cref="JsonFields.Read{T}"/> over a body that did not bind whole: checks each value against the JSON
/// contract of the type it should have, lists and settles the bad ones, and keeps the rest.
/// </summary>
internal sealed class JsonFieldWalk(ValidationErrors errors)
{
    private int _listed;

    /// <summary>Whether <paramref name="value"/> is kept, and as what (pruned of its bad parts).</summary>
    public (bool Kept, JsonNode? Node) Check(JsonElement value, JsonTypeInfo type, string path)
    {
        if (Fits(value, type))
        {
            return (true, JsonNode.Parse(value.GetRawText()));
        }
        return (type.Kind, value.ValueKind) switch
        {
            (JsonTypeInfoKind.Object, JsonValueKind.Object) => (true, Properties(value, type, path)),
            (JsonTypeInfoKind.Dictionary, JsonValueKind.Object) => Entries(value, type, path),
            (JsonTypeInfoKind.Enumerable, JsonValueKind.Array) => Items(value, type, path),
            _ => Unreadable(path.Length == 0 ? "body" : path, Expected(type)),
        };
    }

    private JsonObject Properties(JsonElement value, JsonTypeInfo type, string path)
    {
        var node = new JsonObject();
        var comparison = type.Options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var property in value.EnumerateObject())
        {
            // Unknown properties are ignored, as when the body binds whole.
            if (type.Properties.FirstOrDefault(p => string.Equals(p.Name, property.Name, comparison)) is not { } info)
            {
                continue;
            }
            var field = path.Length == 0 ? info.Name : $"{path}.{info.Name}";
            if (node.ContainsKey(info.Name))
            {
                Unreadable(field, "is given more than once");
            }
            else if (Check(property.Value, type.Options.GetTypeInfo(info.PropertyType), field) is (true, var child))
            {
                node[info.Name] = child;
            }
        }
        return node;
    }

    private (bool, JsonNode?) Entries(JsonElement value, JsonTypeInfo type, string path)
    {
        var entry = type.Options.GetTypeInfo(type.ElementType!);
        var node = new JsonObject();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            var field = $"{path}.{property.Name}";
            if (!seen.Add(property.Name))
            {
                Unreadable(field, "is given more than once");
            }
            else if (Check(property.Value, entry, field) is (true, var child))
            {
                node[property.Name] = child;
            }
            else if (TakesNull(entry))
            {
                node[property.Name] = null;
            }
            else
            {
                return Unreadable(path, null);
            }
        }
        return (true, node);
    }

    private (bool, JsonNode?) Items(JsonElement value, JsonTypeInfo type, string path)
    {
        var item = type.Options.GetTypeInfo(type.ElementType!);
        var node = new JsonArray();
        var i = 0;
        foreach (var element in value.EnumerateArray())
        {
            if (Check(element, item, $"{path}[{i++}]") is (true, var child))
            {
                node.Add(child);
            }
            else if (TakesNull(item))
            {
                node.Add(null);
            }
            else
            {
                return Unreadable(path, null);
            }
        }
        return (true, node);
    }

    private (bool, JsonNode?) Unreadable(string field, string? message)
    {
        if (message is not null)
        {
            if (++_listed > JsonFields.MaxListed)
            {
                throw new TooManyErrorsException();
            }
            errors.Add(field, message);
        }
        errors.Settle(field);
        return (false, null);
    }

    private static bool Fits(JsonElement value, JsonTypeInfo type)
    {
        try
        {
            JsonSerializer.Deserialize(value, type);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TakesNull(JsonTypeInfo type) => !type.Type.IsValueType || Nullable.GetUnderlyingType(type.Type) is not null;

    // What the value should have been, in the API's words (never a .NET type name).
    private static string Expected(JsonTypeInfo type)
    {
        var clr = Nullable.GetUnderlyingType(type.Type) ?? type.Type;
        return type.Kind switch
        {
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "must be an object",
            JsonTypeInfoKind.Enumerable => "must be an array",
            _ when clr.IsEnum => $"must be {EnumNames.List(clr)}",
            _ when clr == typeof(string) => "must be a string",
            _ when clr == typeof(int) || clr == typeof(long) => "must be a whole number",
            _ when clr == typeof(double) || clr == typeof(decimal) => "must be a number",
            _ when clr == typeof(bool) => "must be true or false",
            _ when clr == typeof(DateTimeOffset) => "must be an ISO-8601 date-time with Z or an offset (2026-11-23T10:00:00Z)",
            _ => "has the wrong type",
        };
    }

    /// <summary>Thrown past <see cref="JsonFields.MaxListed"/> type errors.</summary>
    public sealed class TooManyErrorsException : Exception;
}
