using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Feedback.Api.Operations;
using Feedback.Core.Common;

namespace Feedback.Api.Errors;

/// <summary>
/// Reads a JSON body into its request type field by field when it does not bind whole, for <see cref="JsonBody{T}"/>.
/// Each value of the wrong type is reported under its path (<c>customer.email</c>, <c>events[2].id</c>) and settled;
/// it is left out of its object, set to null in a list or map that takes null, and otherwise takes its whole list or
/// map with it. A property given twice is reported the same way. Everything else binds as usual.
/// </summary>
public static class JsonFields
{
    public const string MissingBody = "A JSON request body is required.";

    /// <summary>More type errors than this in one body and the first ones are listed, with a note under <c>body</c>.</summary>
    public const int MaxListed = 100;

    public static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream(request.ContentLength is > 0 and <= 1 << 20 ? (int)request.ContentLength : 0);
        await request.Body.CopyToAsync(buffer, ct);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>
    /// The body as <typeparamref name="T"/>, with the type errors added to <paramref name="errors"/>; null for an empty
    /// body or JSON <c>null</c>. A body that is not JSON throws a 400 <see cref="BadHttpRequestException"/>.
    /// </summary>
    public static T? Read<T>(ReadOnlyMemory<byte> body, JsonTypeInfo<T> type, ValidationErrors errors) where T : class
    {
        if (body.Span.StartsWith("\xEF\xBB\xBF"u8))
        {
            body = body[3..];
        }
        if (body.IsEmpty)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(body.Span, type);
        }
        catch (JsonException)
        {
            // Read again below, one value at a time, to name every bad one.
        }
        using var document = Parse(body, type.Options);
        if (document.RootElement.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        var walk = new Walk(errors);
        try
        {
            if (walk.Check(document.RootElement, type, "") is (true, { } kept))
            {
                return kept.Deserialize(type);
            }
        }
        catch (TooManyErrorsException)
        {
            errors.Add("body", $"has more than {MaxListed} values of the wrong type; the first {MaxListed} are listed");
        }
        catch (JsonException)
        {
            // Only a value the checks above let through, which none should.
            errors.Add("body", "could not be read as this request");
        }
        // The body as a whole is wrong: nothing in it is checked further.
        foreach (var property in type.Properties)
        {
            errors.Settle(property.Name);
        }
        return JsonSerializer.Deserialize("{}"u8, type);
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> body, JsonSerializerOptions options)
    {
        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions
            {
                AllowTrailingCommas = options.AllowTrailingCommas,
                CommentHandling = options.ReadCommentHandling,
                MaxDepth = options.MaxDepth,
            });
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException("The request body is not valid JSON.", e);
        }
    }

    private sealed class TooManyErrorsException : Exception;

    private sealed class Walk(ValidationErrors errors)
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
                if (++_listed > MaxListed)
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
    }
}
