using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests.Surveys;

/// <summary>
/// Five surveys, named template-subject-customer: A-t1-c1, A-t1-c2, A-t2-c1 (cancelled), B-t1-c1 (scheduled), and
/// C-t3-c3 (sent; template C has no delay). Seeded once for the class: the list tests only read.
/// </summary>
public sealed class SeededSurveys : ServiceFixture
{
    public Dictionary<string, string> Templates { get; } = [];
    public Dictionary<string, string> Ids { get; } = [];

    public HttpClient Client => Read;

    protected override async Task SeedAsync()
    {
        Templates["A"] = await CreateTemplateAsync();
        Templates["B"] = await CreateTemplateAsync();
        Templates["C"] = await CreateTemplateAsync(NoDelay);
        foreach (var name in new[] { "A-t1-c1", "A-t1-c2", "A-t2-c1", "B-t1-c1", "C-t3-c3" })
        {
            var parts = name.Split('-');
            Ids[name] = await SendSurveyAsync(Templates[parts[0]], subjectId: parts[1], customerId: parts[2], email: $"{parts[2]}@example.sk");
        }
        (await Ingest.DeleteAsync($"/v1/surveys/{Ids["A-t2-c1"]}")).EnsureSuccessStatusCode();
        await Dispatcher.DispatchDueAsync();
    }

    /// <summary>Replaces {A}, {B} and {C} in a query with the template ids.</summary>
    public string Query(string query) => Templates.Aggregate(query, (q, t) => q.Replace($"{{{t.Key}}}", t.Value));

    public string Name(string id) => Ids.Single(i => i.Value == id).Key;
}

public sealed class SurveyListTests(SeededSurveys seeded) : IClassFixture<SeededSurveys>
{
    [Theory]
    [InlineData("", "A-t1-c1 A-t1-c2 A-t2-c1 B-t1-c1 C-t3-c3")]
    [InlineData("status=cancelled", "A-t2-c1")]
    [InlineData("status=scheduled", "A-t1-c1 A-t1-c2 B-t1-c1")]
    [InlineData("status=sent", "C-t3-c3")]
    [InlineData("status=answered", "")]
    [InlineData("templateId={B}", "B-t1-c1")]
    [InlineData("templateId=tpl_unknown", "")]
    [InlineData("subjectId=t2", "A-t2-c1")]
    [InlineData("customerId=c2", "A-t1-c2")]
    [InlineData("templateId={A}&subjectId=t1", "A-t1-c1 A-t1-c2")]
    [InlineData("status=scheduled&customerId=c1", "A-t1-c1 B-t1-c1")]
    public async Task ListFiltersMatchEveryGivenFilter(string query, string expected)
    {
        var page = (await seeded.Client.GetFromJsonAsync<JsonObject>($"/v1/surveys?{seeded.Query(query)}"))!;

        var names = page["items"]!.AsArray().Select(s => seeded.Name((string)s!["id"]!)).Order();
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(), names);
        Assert.Null(page["nextCursor"]);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("", 2)]
    [InlineData("", 4)]
    [InlineData("", 5)]
    [InlineData("", 6)]
    [InlineData("status=scheduled&", 1)]
    [InlineData("status=scheduled&", 2)]
    public async Task PagingByCursorVisitsEverySurveyOnceInIdOrder(string filter, int limit)
    {
        var expected = (await seeded.Client.GetFromJsonAsync<JsonObject>($"/v1/surveys?{filter}limit=500"))!["items"]!.AsArray()
            .Select(s => (string)s!["id"]!).ToList();
        var pages = await Pages.ReadAllAsync(seeded.Client, $"/v1/surveys?{filter}limit={limit}");

        Assert.All(pages, items => Assert.InRange(items.Count, 1, limit));
        var seen = pages.SelectMany(items => items.Select(s => (string)s!["id"]!)).ToList();
        Assert.Equal(expected, seen);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Equal((expected.Count + limit - 1) / limit, pages.Count);
    }
}
