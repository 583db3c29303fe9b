using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Feedback.Core.Common;

namespace Feedback.Api.Hosting.Errors;

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
        var walk = new JsonFieldWalk(errors);
        try
        {
            if (walk.Check(document.RootElement, type, "") is (true, { } kept))
            {
                return kept.Deserialize(type);
            }
        }
        catch (JsonFieldWalk.TooManyErrorsException)
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
}
