using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Hosting.OpenApi;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests.Operations;

/// <summary>
/// The served OpenAPI document equals the committed <c>openapi/feedback.v1.json</c>. After an intended API change run
/// <c>UPDATE_OPENAPI=1 dotnet test tests/Feedback.Api.Tests --filter OpenApiDocument</c> and commit the file.
/// </summary>
public sealed class OpenApiDocumentTests(SharedFeedbackApi api) : IClassFixture<SharedFeedbackApi>
{
    private const string Refresh = "UPDATE_OPENAPI=1 dotnet test tests/Feedback.Api.Tests --filter OpenApiDocument";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task ServedDocumentEqualsTheCommittedOne()
    {
        var served = await ServedDocumentAsync();
        var path = Path.Combine(Repository.Root, "openapi", "feedback.v1.json");

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, served.ToJsonString(Indented) + "\n");
            return;
        }

        Assert.True(File.Exists(path), $"{path} is missing; create it with: {Refresh}");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(path));
        Assert.True(JsonNode.DeepEquals(committed, served),
            $"The served OpenAPI document differs from openapi/feedback.v1.json (first difference at {FirstDifference(committed, served, "")}). "
            + $"If the API change is intended, refresh the file with: {Refresh}");
    }

    [Fact]
    public async Task DocumentDeclaresTheBearerApiKeyScheme()
    {
        var scheme = (await ServedDocumentAsync())["components"]?["securitySchemes"]?["apiKey"];

        Assert.NotNull(scheme);
        Assert.Equal("http", (string?)scheme["type"]);
        Assert.Equal("bearer", (string?)scheme["scheme"]);
    }

    [Fact]
    public async Task EveryV1OperationNeedsTheKeyAndDocumentsItsErrorsAsProblemDetails()
    {
        var paths = (await ServedDocumentAsync())["paths"]!.AsObject().Where(p => p.Key.StartsWith("/v1/")).ToList();
        Assert.NotEmpty(paths);

        foreach (var (path, operations) in paths)
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var name = $"{method.ToUpperInvariant()} {path}";
                var security = operation!["security"]?.AsArray();
                Assert.True(security is { Count: > 0 } && security.Any(s => s!.AsObject().ContainsKey("apiKey")), $"{name} has no apiKey security requirement");
                var responses = operation["responses"]!.AsObject();
                Assert.True(responses.ContainsKey("401") && responses.ContainsKey("403") && responses.ContainsKey("429"), $"{name} does not document 401, 403 and 429");
                Assert.True(operation["requestBody"] is null || responses.ContainsKey("415"), $"{name} reads a body but does not document 415");
                foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
                {
                    var content = response!["content"]?.AsObject().Select(c => c.Key) ?? [];
                    Assert.True(content.SequenceEqual(["application/problem+json"]), $"{name} documents {status} as {string.Join(", ", content)}, not application/problem+json");
                }
            }
        }
    }

    [Fact]
    public async Task OperationsOutsideV1SayTheyNeedNoKey()
    {
        var paths = (await ServedDocumentAsync())["paths"]!.AsObject().Where(p => !p.Key.StartsWith("/v1/")).ToList();
        Assert.NotEmpty(paths);

        foreach (var (path, operations) in paths)
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                Assert.True(operation!["security"] is JsonArray { Count: 0 }, $"{method.ToUpperInvariant()} {path} does not say security: []");
            }
        }
    }

    // The linter in Deploy.Tests says so too, but only in the slow lane: a new feature's tag is caught here first.
    [Fact]
    public async Task EveryTagOfAnOperationIsDescribed()
    {
        var document = await ServedDocumentAsync();
        var described = document["tags"]!.AsArray()
            .Where(tag => !string.IsNullOrWhiteSpace((string?)tag!["description"]))
            .Select(tag => (string)tag!["name"]!)
            .ToHashSet();

        var used = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().SelectMany(operation => operation.Value!["tags"]!.AsArray()))
            .Select(tag => (string)tag!)
            .Distinct();

        Assert.All(used, tag => Assert.True(described.Contains(tag), $"the tag {tag} has no description"));
    }

    // The linter checks the examples against their schemas; this checks none was dropped on the way (a renamed operation or status).
    [Fact]
    public async Task EveryExampleIsInTheDocument()
    {
        var operations = (await ServedDocumentAsync())["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => operation.Value!))
            .ToDictionary(operation => (string)operation["operationId"]!);

        foreach (var id in OperationExamples.Requests.Keys)
        {
            Assert.True(operations.GetValueOrDefault(id)?["requestBody"]?["content"]?["application/json"]?["example"] is not null, $"{id} has no request example");
        }
        foreach (var (id, status) in OperationExamples.Responses.Keys)
        {
            Assert.True(operations.GetValueOrDefault(id)?["responses"]?[status]?["content"]?["application/json"]?["example"] is not null, $"{id} has no {status} example");
        }
    }

    [Theory]
    [InlineData("/swagger/index.html", "text/html")]
    [InlineData("/healthz", "application/json")]
    [InlineData("/readyz", "application/json")]
    [InlineData("/openapi/v1.json", "application/json")]
    public async Task OperationsEndpointAnswersWithoutAKey(string path, string mediaType)
    {
        using var anonymous = api.Factory.CreateClient();

        var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<JsonObject> ServedDocumentAsync()
    {
        using var anonymous = api.Factory.CreateClient();
        return JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!.AsObject();
    }

    // A JSON pointer to the first place where the documents differ, to make the failure message actionable.
    private static string FirstDifference(JsonNode? expected, JsonNode? actual, string pointer)
    {
        if (expected is JsonObject e && actual is JsonObject a)
        {
            var key = e.Select(p => p.Key).Union(a.Select(p => p.Key)).FirstOrDefault(k => !JsonNode.DeepEquals(e[k], a[k]));
            return key is null ? pointer : FirstDifference(e[key], a[key], $"{pointer}/{key.Replace("~", "~0").Replace("/", "~1")}");
        }
        if (expected is JsonArray ea && actual is JsonArray aa && ea.Count == aa.Count)
        {
            var index = Enumerable.Range(0, ea.Count).FirstOrDefault(i => !JsonNode.DeepEquals(ea[i], aa[i]), -1);
            return index < 0 ? pointer : FirstDifference(ea[index], aa[index], $"{pointer}/{index}");
        }
        return pointer == "" ? "/" : pointer;
    }
}
