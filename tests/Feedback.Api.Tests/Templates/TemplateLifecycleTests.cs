using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Templates;

public sealed class TemplateLifecycleTests : IAsyncLifetime
{
    private readonly FeedbackApiFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task CreatedTemplateIsReturnedWithLocationAndETag()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);

        var created = await admin.PostAsJsonAsync("/v1/templates", TemplateBodies.Csat());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        var body = await created.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal($"/v1/templates/{body!["id"]}", created.Headers.Location?.OriginalString);
        var fetched = await admin.GetFromJsonAsync<JsonObject>(created.Headers.Location);
        Assert.Equal("csat", (string?)fetched!["kind"]);
        Assert.Equal("PT24H", (string?)fetched["delay"]);
        Assert.Equal("09:00", (string?)fetched["sendWindow"]!["start"]);
    }

    [Fact]
    public async Task TemplatesAndKeysSurviveARestart()
    {
        string templateLocation;
        string readerKey;
        await using (var first = new FeedbackApiFactory(_factory.DataDirectory))
        {
            using var admin = await first.CreateClientAsync(ApiScope.Admin);
            templateLocation = (await admin.PostAsJsonAsync("/v1/templates", TemplateBodies.Csat())).Headers.Location!.OriginalString;
            var key = await admin.PostAsJsonAsync("/v1/api-keys", new { name = "reader", scopes = new[] { "read" } });
            readerKey = (string)(await key.Content.ReadFromJsonAsync<JsonObject>())!["key"]!;
        }

        await using var second = new FeedbackApiFactory(_factory.DataDirectory);
        using var reader = second.CreateClient(readerKey);
        var response = await reader.GetAsync(templateLocation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
