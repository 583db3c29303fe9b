using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Templates;

/// <summary>How a template body is read as JSON: defaults, unknown and duplicate properties, enum spelling.</summary>
public sealed class TemplateRequestShapeTests : IAsyncLifetime
{
    private readonly FeedbackApiFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task OmittedOptionalFieldsGetTheirDefaults()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var minimal = new JsonObject
        {
            ["name"] = "Minimal",
            ["kind"] = "nps",
            ["defaultLocale"] = "en",
            ["content"] = new JsonObject { ["en"] = new JsonObject { ["subject"] = "s", ["question"] = "q" } },
        };

        var response = await admin.PostAsJsonAsync("/v1/templates", minimal);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("PT0S", (string?)created["delay"]);
        Assert.Equal("P30D", (string?)created["expiresAfter"]);
        Assert.Equal(1.0, (double?)created["sampleRate"]);
        Assert.Null(created["reminderAfter"]);
        Assert.Null(created["quietPeriod"]);
        Assert.Null(created["sendWindow"]);
        Assert.Null(created["trigger"]);
        Assert.Empty(created["cancelOn"]!.AsArray());
        Assert.Equal("active", (string?)created["status"]);
        Assert.Equal(1, (int?)created["version"]);
    }

    [Fact]
    public async Task UnknownPropertiesAreIgnored()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var body = TemplateBodies.Csat();
        body["colour"] = "blue";
        body["sendWindow"]!["timeZone"] = "Europe/Bratislava";
        body["content"]!["en"]!["footer"] = "unused";

        var response = await admin.PostAsJsonAsync("/v1/templates", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False(created.ContainsKey("colour"));
        Assert.False(created["content"]!["en"]!.AsObject().ContainsKey("footer"));
    }

    [Theory]
    [InlineData("""{"name":"a","name":"b","kind":"nps","defaultLocale":"en","content":{"en":{"subject":"s","question":"q"}}}""", "name")]
    [InlineData("""{"name":"a","kind":"nps","defaultLocale":"en","content":{"en":{"subject":"s","question":"q"},"en":{"subject":"t","question":"r"}}}""", "content.en")]
    [InlineData("""{"name":"a","kind":"nps","defaultLocale":"en","content":{"en":{"subject":"s","subject":"t","question":"q"}}}""", "content.en.subject")]
    public async Task DuplicatePropertyNamesAreRefused(string json, string field)
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);

        var response = await admin.PostAsync("/v1/templates", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsValidationProblemAsync(response, field);
        Assert.StartsWith("is given more than once", ProblemAssert.Message(problem, field));
        await AssertNothingStoredAsync(admin);
    }

    [Theory]
    [InlineData("\"csat, ces\"")]
    [InlineData("\"nps,csat\"")]
    [InlineData("\"3\"")]
    [InlineData("\"-1\"")]
    public async Task KindThatIsNotOneNameIsRefusedAndNothingIsStored(string kind)
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);

        var response = await admin.PostAsJsonAsync("/v1/templates", TemplateBodies.Csat().With("kind", kind));

        await ProblemAssert.IsValidationProblemAsync(response, "kind");
        await AssertNothingStoredAsync(admin);
    }

    [Theory]
    [InlineData("nps")]
    [InlineData("csat")]
    [InlineData("ces")]
    public async Task EachKindIsAcceptedByItsName(string kind)
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);

        var response = await admin.PostAsJsonAsync("/v1/templates", TemplateBodies.Csat().With("kind", $"\"{kind}\""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(kind, (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["kind"]);
    }

    // The list answering 200 also proves no half-valid template was stored that could not be read back.
    private static async Task AssertNothingStoredAsync(HttpClient admin)
    {
        var list = await admin.GetAsync("/v1/templates?status=all");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Empty((await list.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray());
    }
}
