using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Responses;

public sealed class ResponseListTests : IAsyncLifetime
{
    private readonly FeedbackApiFactory _factory = new();
    private HttpClient _ingest = null!;
    private HttpClient _reader = null!;
    private string _csat = null!;
    private string _nps = null!;

    public async ValueTask InitializeAsync()
    {
        _ingest = await _factory.CreateClientAsync(ApiScope.Ingest);
        _reader = await _factory.CreateClientAsync(ApiScope.Read);
        _csat = await _factory.CreateTemplateAsync("csat");
        _nps = await _factory.CreateTemplateAsync("nps");
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    // a1 and a2 answer the CSAT template, a3 and a4 the NPS one; times, scores, comments, customers and properties differ.
    private async Task SeedAsync()
    {
        await _ingest.RecordAsync(ResponseBodies.Phone("a1", _csat, score: 5, comment: "great", customerId: "c-1", answeredAt: "2026-11-20T10:00:00Z",
            properties: new JsonObject { ["agent"] = "maria", ["category"] = "delivery" }));
        await _ingest.RecordAsync(ResponseBodies.Phone("a2", _csat, score: 2, customerId: "c-2", answeredAt: "2026-11-21T10:00:00Z",
            properties: new JsonObject { ["agent"] = "peter" }, channel: "chat"));
        await _ingest.RecordAsync(ResponseBodies.Phone("a3", _nps, score: 9, comment: "ok", customerId: "c-1", answeredAt: "2026-11-22T10:00:00Z",
            properties: new JsonObject { ["agent"] = "maria" }));
        await _ingest.RecordAsync(ResponseBodies.Phone("a4", _nps, score: 3, customerId: "c-3", answeredAt: "2026-11-22T12:00:00Z",
            properties: new JsonObject { ["category"] = "delivery" }));
    }

    [Theory]
    [InlineData("", "a1 a2 a3 a4")]
    [InlineData("templateId={csat}", "a1 a2")]
    [InlineData("templateId=tpl_other", "")]
    [InlineData("kind=nps", "a3 a4")]
    [InlineData("kind=csat", "a1 a2")]
    [InlineData("from=2026-11-21T10:00:00Z", "a2 a3 a4")]
    [InlineData("to=2026-11-22T10:00:00Z", "a1 a2")]
    [InlineData("from=2026-11-21&to=2026-11-22", "a2")]
    [InlineData("from=2026-11-22T11:00:00%2B01:00", "a3 a4")]
    [InlineData("from=2026-11-22T11:00:00+01:00", "a3 a4")]
    [InlineData("minScore=3", "a1 a3 a4")]
    [InlineData("maxScore=3", "a2 a4")]
    [InlineData("minScore=3&maxScore=5", "a1 a4")]
    [InlineData("hasComment=true", "a1 a3")]
    [InlineData("hasComment=false", "a2 a4")]
    [InlineData("customerId=c-1", "a1 a3")]
    [InlineData("property.agent=maria", "a1 a3")]
    [InlineData("property.agent=maria&property.category=delivery", "a1")]
    [InlineData("property.category=delivery&kind=nps", "a4")]
    [InlineData("property.agent=nobody", "")]
    [InlineData("kind=csat&hasComment=false&customerId=c-2", "a2")]
    public async Task ListFilterSelectsTheMatchingAnswers(string query, string expected)
    {
        await SeedAsync();

        var ids = await _reader.ListIdsAsync($"/v1/responses?{query.Replace("{csat}", _csat)}");

        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListItemCarriesEveryField()
    {
        await SeedAsync();

        var page = await _reader.GetFromJsonAsync<JsonObject>("/v1/responses?customerId=c-2");

        var item = Assert.Single(page!["items"]!.AsArray())!.AsObject();
        Assert.Equal(
            ["answeredAt", "channel", "comment", "customerId", "id", "kind", "locale", "properties", "reasons", "score", "subjectId", "surveyId", "templateId", "updatedAt"],
            item.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("chat", (string?)item["channel"]);
        Assert.Equal("peter", (string?)item["properties"]!["agent"]);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero), (DateTimeOffset)item["answeredAt"]!);
        Assert.Null(page["nextCursor"]);
    }

    [Fact]
    public async Task CursorPagingVisitsEveryAnswerOnceInIdOrder()
    {
        var expected = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            expected.Add((await _ingest.RecordAsync(ResponseBodies.Phone($"r-{i:D2}", _csat, score: 1 + i % 5)))["id"]!.ToString());
        }

        var pages = new List<int>();
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await _reader.GetFromJsonAsync<JsonObject>($"/v1/responses?limit=4{(cursor is null ? "" : $"&cursor={cursor}")}");
            var items = page!["items"]!.AsArray();
            pages.Add(items.Count);
            ids.AddRange(items.Select(i => (string)i!["id"]!));
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null);

        Assert.Equal([4, 4, 3], pages);
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task AnswersComeInAnswerTimeOrderWhateverTheirIdsInTheListAndTheCsv()
    {
        await _ingest.RecordAsync(ResponseBodies.Phone("zz-call", _csat, answeredAt: "2026-11-20T10:00:00Z"));
        await _ingest.RecordAsync(ResponseBodies.Phone("aa-chat", _csat, answeredAt: "2026-11-22T10:00:00Z"));
        await _ingest.RecordAsync(ResponseBodies.Phone("mm-desk", _csat, answeredAt: "2026-11-21T10:00:00+05:00"));

        var ids = await _reader.ListIdsAsync("/v1/responses?limit=1");
        var csv = await _reader.GetStringAsync("/v1/responses.csv");

        Assert.Equal(["zz-call", "mm-desk", "aa-chat"], ids);
        Assert.Equal(["zz-call", "mm-desk", "aa-chat"], csv.Split("\r\n").Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]));
    }

    [Fact]
    public async Task CursorPagingKeepsTheFilter()
    {
        for (var i = 0; i < 9; i++)
        {
            await _ingest.RecordAsync(ResponseBodies.Phone($"r-{i}", i % 3 == 0 ? _nps : _csat, score: 3));
        }

        var ids = await _reader.ListIdsAsync("/v1/responses?kind=csat&limit=2");

        Assert.Equal(["r-1", "r-2", "r-4", "r-5", "r-7", "r-8"], ids);
    }

    [Fact]
    public async Task UpdatedSinceReturnsOnlyAnswersStoredAtOrAfterIt()
    {
        var start = _factory.Time.GetUtcNow();
        await _ingest.RecordAsync(ResponseBodies.Phone("early", _csat));
        _factory.Time.Advance(TimeSpan.FromHours(1));
        // Answered long ago but stored now: incremental pulls go by when the record changed, not when the customer answered.
        await _ingest.RecordAsync(ResponseBodies.Phone("late", _csat, answeredAt: "2026-11-01T00:00:00Z"));

        var sinceHalfHour = await _reader.ListIdsAsync($"/v1/responses?updatedSince={Uri.EscapeDataString(start.AddMinutes(30).ToString("O"))}");
        var sinceStart = await _reader.ListIdsAsync($"/v1/responses?updatedSince={Uri.EscapeDataString(start.ToString("O"))}");

        Assert.Equal(["late"], sinceHalfHour);
        // In list order: by when the customer answered.
        Assert.Equal(["late", "early"], sinceStart);
    }

    public static TheoryData<string, string[]> BadQueries => new()
    {
        { "kind=abc", ["kind"] },
        { "kind=NPS", ["kind"] },
        { "from=yesterday", ["from"] },
        { "to=2026-11-22T10:00:00", ["to"] },
        { "updatedSince=2026-13-01", ["updatedSince"] },
        { "from=2026-11-22&to=2026-11-21", ["from"] },
        { "from=2026-11-22T00:00:00Z&to=2026-11-22", ["from"] },
        { "minScore=x", ["minScore"] },
        { "minScore=-1", ["minScore"] },
        { "maxScore=11", ["maxScore"] },
        { "minScore=5&maxScore=3", ["minScore"] },
        { "hasComment=yes", ["hasComment"] },
        { "limit=0", ["limit"] },
        { "limit=501", ["limit"] },
        { "limit=abc", ["limit"] },
        { "cursor=%21%21%21", ["cursor"] },
        // A cursor of the id-ordered list that came before: valid base64, but not a position.
        { "cursor=cnNwXzE", ["cursor"] },
        { "property.bad%20name=x", ["property.bad name"] },
        { "property.=x", ["property."] },
        { "property.agent=", ["property.agent"] },
        { "property.agent=a&property.agent=b", ["property.agent"] },
        { "kind=abc&limit=0&hasComment=1&property.a%21=1", ["kind", "limit", "hasComment", "property.a!"] },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task BadListParameterIsRefusedNamingIt(string query, string[] fields)
    {
        var response = await _reader.GetAsync($"/v1/responses?{query}");

        await ProblemAssert.IsValidationProblemAsync(response, fields);
    }

    [Fact]
    public async Task UnknownQueryParametersAreIgnored()
    {
        await SeedAsync();

        var ids = await _reader.ListIdsAsync("/v1/responses?colour=blue&properties.agent=x");

        Assert.Equal(4, ids.Count);
    }
}
