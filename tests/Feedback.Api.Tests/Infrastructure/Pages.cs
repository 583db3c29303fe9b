using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Feedback.Api.Tests.Infrastructure;

/// <summary>Walks a cursor-paged list (<c>{ items, nextCursor }</c>) to its end.</summary>
public static class Pages
{
    /// <summary>The items of every page of <paramref name="url"/> (which has a query already, e.g. <c>?limit=2</c>), following <c>nextCursor</c>; at most 100 pages.</summary>
    public static async Task<List<JsonArray>> ReadAllAsync(HttpClient client, string url)
    {
        var pages = new List<JsonArray>();
        string? cursor = null;
        do
        {
            var page = (await client.GetFromJsonAsync<JsonObject>(cursor is null ? url : $"{url}&cursor={Uri.EscapeDataString(cursor)}"))!;
            pages.Add(page["items"]!.AsArray());
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null && pages.Count < 100);
        return pages;
    }
}
