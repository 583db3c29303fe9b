using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using CsvHelper.Configuration;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Responses;

public sealed class ResponseCsvTests : IAsyncLifetime
{
    private static readonly string[] Header =
    [
        "id", "surveyId", "templateId", "kind", "score", "comment", "locale", "customerId", "subjectId", "channel",
        "answeredAt", "updatedAt", "properties", "reasons",
    ];

    private readonly FeedbackApiFactory _factory = new();
    private HttpClient _ingest = null!;
    private HttpClient _reader = null!;
    private string _csat = null!;

    public async ValueTask InitializeAsync()
    {
        _ingest = await _factory.CreateClientAsync(ApiScope.Ingest);
        _reader = await _factory.CreateClientAsync(ApiScope.Read);
        _csat = await _factory.CreateTemplateAsync("csat");
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    // Comment as sent → the cell a spreadsheet must see: text that could start a formula gets a leading apostrophe.
    public static TheoryData<string, string> TrickyComments => new()
    {
        { "fast, friendly", "fast, friendly" },
        { "she said \"thanks\"", "she said \"thanks\"" },
        { "line one\nline two", "line one\nline two" },
        { "line one\r\nline two", "line one\r\nline two" },
        { "שירות מצוין, תודה!", "שירות מצוין, תודה!" },
        { "Ďakujem, výborné", "Ďakujem, výborné" },
        { "=1+1", "'=1+1" },
        { "@SUM(A1:A2)", "'@SUM(A1:A2)" },
        { "-2", "'-2" },
        { "+3", "'+3" },
        { "=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")" },
        { "ends with a quote\"", "ends with a quote\"" },
        { "2 + 2 = 4", "2 + 2 = 4" },
    };

    [Theory]
    [MemberData(nameof(TrickyComments))]
    public async Task CsvRoundTripsTrickyTextThroughARealParser(string comment, string cell)
    {
        await _ingest.RecordAsync(ResponseBodies.Phone("tricky", _csat, score: 4, comment: comment));

        var rows = Parse(await GetCsvBytesAsync("/v1/responses.csv"));

        var row = Assert.Single(rows);
        Assert.Equal(cell, row["comment"]);
        Assert.Equal("4", row["score"]);
    }

    [Fact]
    public async Task CsvRowsEqualTheJsonList()
    {
        await _ingest.RecordAsync(ResponseBodies.Phone("r-1", _csat, score: 1, comment: "a, \"b\"\nc", customerId: "=cmd|' /C calc'!A0",
            answeredAt: "2026-11-20T08:15:30.25+01:00", properties: new JsonObject { ["agent"] = "מריה", ["note"] = "x, \"y\"; z=1", ["count"] = 3 }));
        await _ingest.RecordAsync(ResponseBodies.Phone("r-2", _csat, score: 5, channel: "in_person", subjectId: "-order-7"));
        _factory.Time.Advance(TimeSpan.FromSeconds(1.5));
        await _ingest.RecordAsync(ResponseBodies.Phone("r-3", _csat, score: 3, subjectId: "  padded  ", properties: new JsonObject { ["agent"] = "peter" }));

        var rows = Parse(await GetCsvBytesAsync("/v1/responses.csv"));
        var items = (await _reader.GetFromJsonAsync<JsonObject>("/v1/responses"))!["items"]!.AsArray();

        Assert.Equal(3, rows.Count);
        foreach (var (row, node) in rows.Zip(items))
        {
            var item = node!.AsObject();
            Assert.Equal((string?)item["id"], row["id"]);
            Assert.Equal((string?)item["surveyId"] ?? "", row["surveyId"]);
            Assert.Equal((string?)item["templateId"], row["templateId"]);
            Assert.Equal((string?)item["kind"], row["kind"]);
            Assert.Equal((int)item["score"]!, int.Parse(row["score"], CultureInfo.InvariantCulture));
            Assert.Equal(Spreadsheet((string?)item["comment"]), row["comment"]);
            Assert.Equal((string?)item["locale"], row["locale"]);
            Assert.Equal(Spreadsheet((string?)item["customerId"]), row["customerId"]);
            Assert.Equal(Spreadsheet((string?)item["subjectId"]), row["subjectId"]);
            Assert.Equal((string?)item["channel"], row["channel"]);
            Assert.Equal((DateTimeOffset)item["answeredAt"]!, DateTimeOffset.Parse(row["answeredAt"], CultureInfo.InvariantCulture));
            Assert.Equal((DateTimeOffset)item["updatedAt"]!, DateTimeOffset.Parse(row["updatedAt"], CultureInfo.InvariantCulture));
            Assert.EndsWith("Z", row["answeredAt"]);
            var properties = item["properties"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!);
            Assert.Equal(properties, row["properties"] == "" ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(row["properties"])!);
            Assert.Equal(string.Join(';', item["reasons"]!.AsArray().Select(r => (string)r!)), row["reasons"]);
        }
        Assert.Equal("'=cmd|' /C calc'!A0", rows[0]["customerId"]);
        Assert.Equal("'-order-7", rows[1]["subjectId"]);
        Assert.Equal("  padded  ", rows[2]["subjectId"]);
        Assert.Contains("\"agent\":\"מריה\"", rows[0]["properties"]);
    }

    [Fact]
    public async Task CsvIsUtf8WithBomAndAHeaderAndIsOfferedAsADownload()
    {
        await _ingest.RecordAsync(ResponseBodies.Phone("r-1", _csat, comment: "שלום"));

        var response = await _reader.GetAsync("/v1/responses.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment; filename=\"responses.csv\"", Assert.Single(response.Content.Headers.GetValues("Content-Disposition")));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = new UTF8Encoding(false).GetString(bytes[3..]);
        Assert.StartsWith(string.Join(',', Header) + "\r\n", text);
        Assert.Contains("שלום", text);
        Assert.EndsWith("\r\n", text);
    }

    [Fact]
    public async Task EmptyResultIsOnlyTheHeader()
    {
        var bytes = await GetCsvBytesAsync("/v1/responses.csv");

        Assert.Equal(string.Join(',', Header) + "\r\n", new UTF8Encoding(false).GetString(bytes[3..]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?minScore=3&hasComment=true")]
    [InlineData("?property.agent=maria")]
    public async Task AcceptHeaderAndCsvPathGiveTheSameBytes(string query)
    {
        await SeedMixedAsync();

        var viaPath = await GetCsvBytesAsync($"/v1/responses.csv{query}");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/responses{query}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var viaAccept = await _reader.SendAsync(request);

        Assert.Equal("text/csv", viaAccept.Content.Headers.ContentType?.MediaType);
        Assert.Equal(viaPath, await viaAccept.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("?minScore=3&hasComment=true")]
    [InlineData("?property.agent=maria&kind=csat")]
    [InlineData("?to=2026-11-14T00:00:00Z")]
    public async Task CsvHoldsTheSameFilteredSetAsTheJsonList(string query)
    {
        await SeedMixedAsync();

        var csvIds = Parse(await GetCsvBytesAsync($"/v1/responses.csv{query}")).Select(r => r["id"]).ToList();
        var jsonIds = await _reader.ListIdsAsync($"/v1/responses{query}");

        Assert.NotEmpty(jsonIds);
        Assert.True(jsonIds.Count < 8, "the filter must leave some answers out");
        Assert.Equal(jsonIds, csvIds);
    }

    [Fact]
    public async Task CsvIgnoresCursorAndLimit()
    {
        await SeedMixedAsync();
        var firstPage = await _reader.GetFromJsonAsync<JsonObject>("/v1/responses?limit=2");

        var rows = Parse(await GetCsvBytesAsync($"/v1/responses.csv?limit=2&cursor={firstPage!["nextCursor"]}"));

        Assert.Equal(8, rows.Count);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("*/*")]
    [InlineData("text/csv;q=0.5, application/json")]
    [InlineData("text/html")]
    public async Task ListStaysJsonUnlessCsvIsPreferred(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/responses");
        request.Headers.TryAddWithoutValidation("Accept", accept);

        var response = await _reader.SendAsync(request);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("text/csv")]
    [InlineData("text/csv, */*;q=0.8")]
    [InlineData("application/json;q=0.5, text/csv")]
    public async Task ListIsCsvWhenCsvIsPreferred(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/responses");
        request.Headers.TryAddWithoutValidation("Accept", accept);

        var response = await _reader.SendAsync(request);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task BadFilterOfTheCsvExportIsAProblemNotAFile()
    {
        var response = await _reader.GetAsync("/v1/responses.csv?kind=abc&minScore=x");

        await ProblemAssert.IsValidationProblemAsync(response, "kind", "minScore");
    }

    [Fact]
    public async Task LargeExportIsStreamedWithoutAContentLength()
    {
        const int count = 1200;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            for (var i = worker; i < count; i += 8)
            {
                await _ingest.RecordAsync(ResponseBodies.Phone($"bulk-{i:D5}", _csat, score: 1 + i % 5, comment: $"comment {i}, with a comma"));
            }
        }));

        using var response = await _reader.GetAsync("/v1/responses.csv", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength);
        var rows = Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(count, rows.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"bulk-{i:D5}"), rows.Select(r => r["id"]));
    }

    private async Task SeedMixedAsync()
    {
        var nps = await _factory.CreateTemplateAsync("nps");
        for (var i = 0; i < 8; i++)
        {
            await _ingest.RecordAsync(ResponseBodies.Phone($"m-{i}", i % 2 == 0 ? _csat : nps, score: 1 + i % 5, comment: i % 3 == 0 ? null : $"=note {i}",
                answeredAt: $"2026-11-{10 + i:D2}T12:00:00Z", properties: new JsonObject { ["agent"] = i % 4 == 0 ? "maria" : "peter" }));
        }
    }

    private async Task<byte[]> GetCsvBytesAsync(string url)
    {
        var response = await _reader.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Reads the export with CsvHelper, checking the header, and returns each row as column → cell.</summary>
    private static List<Dictionary<string, string>> Parse(byte[] csv)
    {
        using var reader = new StreamReader(new MemoryStream(csv), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.None });
        Assert.True(parser.Read());
        parser.ReadHeader();
        Assert.Equal(Header, parser.HeaderRecord);
        var rows = new List<Dictionary<string, string>>();
        while (parser.Read())
        {
            rows.Add(Header.ToDictionary(h => h, h => parser.GetField(h)!));
        }
        return rows;
    }

    /// <summary>What a spreadsheet must be given for a text value: formula starters defused with an apostrophe.</summary>
    private static string Spreadsheet(string? value) =>
        value is null ? "" : value.Length > 0 && "=+-@\t\r".Contains(value[0]) ? "'" + value : value;
}
