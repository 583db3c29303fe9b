using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Feedback.Api.Tests.Security;

/// <summary>One request the fuzzer sends, with a name that says how to repeat it.</summary>
public sealed record FuzzCase(string Name, HttpRequestMessage Request);

/// <summary>The requests for one operation: random bodies from its schema, malformed bodies, odd path ids and garbage queries.</summary>
public sealed class FuzzCases(OpenApiOperations document, Random random, IReadOnlyList<string> knownIds)
{
    public const int RandomBodiesPerOperation = 25;

    // Mostly plausible bodies reach the handlers; mostly hostile ones test the binders and validators.
    private readonly FuzzValues[] _values = [.. new[] { 0.02, 0.1, 0.3 }.Select(share => new FuzzValues(document, random, knownIds) { HostileShare = share })];

    // Already URL-encoded, so each reaches the route as written.
    private static readonly string[] OddSegments =
    [
        "0", "-1", "2147483648", "99999999999999999999", "1e308", "NaN", "%00", "%FF", "%C3%28", "..%2F..%2Fadmin", "%20", "null", "%5B%5D",
        "'%20OR%20'1'%3D'1", "tpl_0190a0a0-0000-7000-8000-000000000000", new string('x', 4000), "%C5%BE%F0%9F%99%82", "%0D%0ASet-Cookie:%20x",
    ];

    private static readonly string[] OddQueryValues =
        ["", "-1", "0", "501", "2147483648", "1e308", "NaN", "%00", "%FF", "true", "%5B%5D", "2026-02-30", "9999-99-99T99:99:99Z", new string('q', 3000)];

    public IEnumerable<FuzzCase> For(OpenApiOperation operation)
    {
        var cases = PathCases(operation).Concat(QueryCases(operation));
        return operation.Method is "POST" or "PUT" or "PATCH" ? cases.Concat(BodyCases(operation)) : cases;
    }

    private IEnumerable<FuzzCase> BodyCases(OpenApiOperation operation)
    {
        var path = PlausiblePath(operation);
        var schema = operation.BodySchema ?? new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object" } };
        for (var i = 0; i < RandomBodiesPerOperation; i++)
        {
            yield return Json(operation, path, $"random body #{i}", _values[i % _values.Length].Value(schema)?.ToJsonString() ?? "null");
        }
        var valid = new FuzzValues(document, random, knownIds) { HostileShare = 0 }.Value(schema)?.ToJsonString() ?? "{}";
        yield return Json(operation, path, "array nested 10 000 deep", new string('[', 10_000) + new string(']', 10_000));
        yield return Json(operation, path, "object nested 10 000 deep", string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000));
        yield return Json(operation, path, "truncated", valid[..random.Next(1, Math.Max(2, valid.Length - 1))]);
        yield return Json(operation, path, "duplicate keys", valid.StartsWith('{') && valid.Length > 2 ? "{\"name\":1," + valid[1..^1] + ",\"name\":2}" : "{\"a\":1,\"a\":2}");
        yield return Json(operation, path, "huge array", "[" + string.Join(',', Enumerable.Repeat("{}", 300_000)) + "]");
        yield return Json(operation, path, "lone surrogate escape", "{\"name\":\"\\ud800\",\"id\":\"\\udfff\"}");
        foreach (var literal in new[] { "", "null", "[]", "\"text\"", "1e308", "NaN", "{,}", "{\"a\":1,}", "/* c */ {}", "\uFEFF{}" })
        {
            yield return Json(operation, path, $"body '{literal}'", literal);
        }
        var invalidUtf8 = Encoding.UTF8.GetBytes(valid).Concat(new byte[] { 0xC3, 0x28, 0xFF, 0xFE }).ToArray();
        var spliced = Encoding.UTF8.GetBytes("{\"name\":\"").Concat(new byte[] { 0xFF, 0xC0, 0xAF }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();
        yield return Raw(operation, path, "invalid UTF-8 after the body", invalidUtf8, "application/json");
        yield return Raw(operation, path, "invalid UTF-8 in a string", spliced, "application/json");
        foreach (var type in new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1", "application/json-patch+json" })
        {
            yield return Raw(operation, path, $"content type {type}", Encoding.UTF8.GetBytes(valid), type);
        }
        yield return Raw(operation, path, "no content type", Encoding.UTF8.GetBytes(valid), null);
        foreach (var form in new[] { "score=1&score=2", "score=%FF%FE&comment=%C3%28", "score=99999999999999999999", "comment=" + new string('c', 100_000), "=&&==%" })
        {
            yield return Raw(operation, path, $"form {Short(form)}", Encoding.ASCII.GetBytes(form), "application/x-www-form-urlencoded");
        }
    }

    private IEnumerable<FuzzCase> PathCases(OpenApiOperation operation)
    {
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            foreach (var segment in OddSegments)
            {
                var path = PlausiblePath(operation, operation.Path.Replace(Marker(parameter.Name), segment));
                yield return new FuzzCase($"{operation} {parameter.Name}={Short(segment)}", Request(operation, path));
            }
        }
    }

    private IEnumerable<FuzzCase> QueryCases(OpenApiOperation operation)
    {
        var path = PlausiblePath(operation);
        var query = operation.Parameters.Where(p => p.In == "query").ToList();
        foreach (var parameter in query)
        {
            foreach (var value in OddQueryValues)
            {
                yield return new FuzzCase($"{operation} ?{parameter.Name}={Short(value)}", Request(operation, $"{path}?{parameter.Name}={value}"));
            }
        }
        var all = string.Join('&', query.Select(p => $"{p.Name}={OddQueryValues[random.Next(OddQueryValues.Length)]}").Append("property.x=%00&unknown=%FF&limit=1&limit=2"));
        yield return new FuzzCase($"{operation} ?{Short(all)}", Request(operation, $"{path}?{all}"));
    }

    /// <summary>The path with known ids for the parameters still in it.</summary>
    private string PlausiblePath(OpenApiOperation operation, string? path = null) =>
        operation.Parameters.Where(p => p.In == "path").Aggregate(path ?? operation.Path, (path, p) =>
            path.Replace("{" + p.Name + "}", p.Schema?["type"]?.ToString() == "integer" ? "1" : knownIds[random.Next(knownIds.Count)]));

    private static string Marker(string name) => "{" + name + "}";

    private static FuzzCase Json(OpenApiOperation operation, string path, string name, string json) =>
        Raw(operation, path, name, Encoding.UTF8.GetBytes(json), "application/json");

    private static FuzzCase Raw(OpenApiOperation operation, string path, string name, byte[] body, string? contentType)
    {
        var request = Request(operation, path);
        request.Content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        return new FuzzCase($"{operation} {name}", request);
    }

    private static HttpRequestMessage Request(OpenApiOperation operation, string path) => new(new HttpMethod(operation.Method), path);

    private static string Short(string text) => text.Length > 40 ? text[..40] + $"…({text.Length})" : text;
}
