using System.Text.Json.Nodes;

namespace Feedback.Api.Tests.Security;

/// <summary>One operation of the served OpenAPI document: what the fuzzer needs to build requests for it.</summary>
public sealed record OpenApiOperation(string Method, string Path, IReadOnlyList<OpenApiParameter> Parameters, JsonNode? BodySchema)
{
    public override string ToString() => $"{Method} {Path}";
}

public sealed record OpenApiParameter(string Name, string In, JsonNode? Schema);

/// <summary>Reads the operations of an OpenAPI 3.x document and resolves <c>$ref</c>s against its components.</summary>
public sealed class OpenApiOperations(JsonObject document)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public IEnumerable<OpenApiOperation> All()
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var method in Methods)
            {
                if (item![method] is not JsonObject operation)
                {
                    continue;
                }
                var parameters = (operation["parameters"] as JsonArray ?? [])
                    .Select(p => new OpenApiParameter((string)p!["name"]!, (string)p["in"]!, p["schema"]))
                    .ToList();
                yield return new OpenApiOperation(method.ToUpperInvariant(), path, parameters,
                    operation["requestBody"]?["content"]?["application/json"]?["schema"]);
            }
        }
    }

    /// <summary>The schema a <c>$ref</c> points at, or the schema itself.</summary>
    public JsonNode Resolve(JsonNode schema) =>
        schema["$ref"] is { } reference
            ? Resolve(document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]!)
            : schema;
}
