using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Templates;

/// <summary>The template list pages by opaque cursor, oldest first.</summary>
public sealed class TemplateListTests : IAsyncLifetime
{
    private readonly FeedbackApiFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task PagesOfThreeWalkSevenTemplatesOnceInCreationOrder()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((string)(await admin.CreateTemplateAsync())["id"]!);
            _factory.Time.Advance(TimeSpan.FromMilliseconds(1));
        }
        using var reader = await _factory.CreateClientAsync(ApiScope.Read);

        var pages = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var page = (await reader.GetFromJsonAsync<JsonObject>($"/v1/templates?limit=3{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}"))!;
            pages.Add(page);
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null && pages.Count < 10);

        Assert.Equal([3, 3, 1], pages.Select(p => p["items"]!.AsArray().Count));
        Assert.Equal(created, pages.SelectMany(p => p["items"]!.AsArray()).Select(t => (string)t!["id"]!));
        Assert.Null(pages[^1]["nextCursor"]);
    }

    [Fact]
    public async Task ExactlyFullPageHasNoNextCursor()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        for (var i = 0; i < 3; i++)
        {
            await admin.CreateTemplateAsync();
        }

        var page = (await admin.GetFromJsonAsync<JsonObject>("/v1/templates?limit=3"))!;

        Assert.Equal(3, page["items"]!.AsArray().Count);
        Assert.Null(page["nextCursor"]);
    }

    [Fact]
    public async Task EmptyListIsAnEmptyPage()
    {
        using var reader = await _factory.CreateClientAsync(ApiScope.Read);

        var page = (await reader.GetFromJsonAsync<JsonObject>("/v1/templates"))!;

        Assert.Empty(page["items"]!.AsArray());
        Assert.Null(page["nextCursor"]);
    }

    [Fact]
    public async Task CursorKeepsWorkingWhenTheTemplateItPointsAtIsArchived()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((string)(await admin.CreateTemplateAsync())["id"]!);
            _factory.Time.Advance(TimeSpan.FromMilliseconds(1));
        }
        var first = (await admin.GetFromJsonAsync<JsonObject>("/v1/templates?limit=2"))!;
        (await admin.DeleteTemplateAsync(ids[1])).EnsureSuccessStatusCode();

        var second = (await admin.GetFromJsonAsync<JsonObject>($"/v1/templates?limit=2&cursor={Uri.EscapeDataString((string)first["nextCursor"]!)}"))!;

        Assert.Equal(ids[2..], second["items"]!.AsArray().Select(t => (string)t!["id"]!));
    }
}
