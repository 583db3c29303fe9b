using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Answers;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Responses;

/// <summary><c>reasons</c> on recorded answers: accepted when they are the template's, shown in JSON and CSV, and filtered on.</summary>
public sealed class ResponseReasonsTests : IAsyncLifetime
{
    private readonly FeedbackApiFactory _factory = new();
    private HttpClient _ingest = null!;
    private HttpClient _reader = null!;
    private string _template = null!;

    public async ValueTask InitializeAsync()
    {
        _ingest = await _factory.CreateClientAsync(ApiScope.Ingest);
        _reader = await _factory.CreateClientAsync(ApiScope.Read);
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var body = TemplateBodies.Csat();
        ReasonBodies.AddTo(body);
        var created = await admin.PostAsJsonAsync("/v1/templates", body);
        _template = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private JsonObject Body(string id, int score, params string[] reasons)
    {
        var body = ResponseBodies.Phone(id, _template, score);
        body["reasons"] = new JsonArray([.. reasons.Select(r => JsonValue.Create(r))]);
        return body;
    }

    [Fact]
    public async Task PostedReasonsAreStoredInTheTemplatesOrderAndShownInJsonAndCsv()
    {
        var created = await _ingest.RecordAsync(Body("call-1", 1, "rude", "slow_response"));
        await _ingest.RecordAsync(ResponseBodies.Phone("call-2", _template, 5));

        Assert.Equal("[\"slow_response\",\"rude\"]", created["reasons"]!.ToJsonString());
        var fetched = (await _reader.GetFromJsonAsync<JsonObject>("/v1/responses/call-1"))!;
        Assert.Equal("[\"slow_response\",\"rude\"]", fetched["reasons"]!.ToJsonString());
        var csv = Encoding.UTF8.GetString(await _reader.GetByteArrayAsync("/v1/responses.csv")).Split("\r\n");
        Assert.EndsWith(",properties,reasons", csv[0]);
        Assert.EndsWith(",slow_response;rude", csv[1]);
        Assert.EndsWith(",", csv[2]);
        var list = (await _reader.GetFromJsonAsync<JsonObject>("/v1/responses"))!["items"]!.AsArray();
        Assert.Equal("[]", list[1]!["reasons"]!.ToJsonString());
    }

    [Fact]
    public async Task TheReasonFilterListsTheAnswersGivenWithThatReason()
    {
        await _ingest.RecordAsync(Body("call-1", 1, "slow_response", "rude"));
        await _ingest.RecordAsync(Body("call-2", 2, "slow_response"));
        await _ingest.RecordAsync(Body("call-3", 2));

        Assert.Equal(["call-1", "call-2"], await _reader.ListIdsAsync("/v1/responses?reason=slow_response"));
        Assert.Equal(["call-1"], await _reader.ListIdsAsync($"/v1/responses?reason=rude&templateId={_template}"));
        Assert.Empty(await _reader.ListIdsAsync("/v1/responses?reason=not_solved"));
        var csv = Encoding.UTF8.GetString(await _reader.GetByteArrayAsync("/v1/responses.csv?reason=rude")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, csv.Length);
    }

    [Theory]
    [InlineData("Slow")]
    [InlineData("slow response")]
    [InlineData("")]
    [InlineData("(none)")]
    public async Task AReasonFilterThatIsNoCodeIsRefused(string reason)
    {
        var response = await _reader.GetAsync($"/v1/responses?reason={Uri.EscapeDataString(reason)}");

        await ProblemAssert.IsValidationProblemAsync(response, "reason");
    }

    [Theory]
    [InlineData(1, """["late"]""", "reasons[0]")]
    [InlineData(1, """["rude", "rude"]""", "reasons[1]")]
    [InlineData(1, """["rude", null]""", "reasons[1]")]
    [InlineData(1, """["rude", "RUDE", "slow_response", "x y"]""", "reasons[1]", "reasons[3]")]
    [InlineData(3, """["rude"]""", "reasons")]
    [InlineData(1, "\"rude\"", "reasons")]
    [InlineData(1, "[5]", "reasons[0]")]
    public async Task BadReasonsAreRefusedNamingEachOne(int score, string reasons, params string[] fields)
    {
        var body = ResponseBodies.Phone("call-1", _template, score).With("reasons", reasons);

        var response = await _ingest.PostAsJsonAsync("/v1/responses", body);

        await ProblemAssert.IsValidationProblemAsync(response, fields);
    }

    [Fact]
    public async Task AReasonForATemplateWithoutReasonsIsRefused()
    {
        var plain = await _factory.CreateTemplateAsync("nps");

        var response = await _ingest.PostAsJsonAsync("/v1/responses", ResponseBodies.Phone("call-1", plain, 3).With("reasons", """["rude"]"""));

        await ProblemAssert.IsValidationProblemAsync(response, "reasons[0]");
    }

    [Fact]
    public async Task AnEmptyOrNullListIsNoReasons()
    {
        var empty = await _ingest.RecordAsync(ResponseBodies.Phone("call-1", _template, 1).With("reasons", "[]"));
        var none = await _ingest.RecordAsync(ResponseBodies.Phone("call-2", _template, 1).With("reasons", "null"));

        Assert.Empty(empty["reasons"]!.AsArray());
        Assert.Empty(none["reasons"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, (await _reader.GetAsync("/v1/responses/call-1")).StatusCode);
    }
}
