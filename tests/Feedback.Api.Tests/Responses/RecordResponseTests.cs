using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;
using Feedback.Core.Responses;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Api.Tests.Responses;

public sealed class RecordResponseTests : IAsyncLifetime
{
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

    [Fact]
    public async Task RecordedAnswerIsCreatedWithLocationAndCanBeReadBack()
    {
        var body = ResponseBodies.Phone("call-1", _csat, score: 5, comment: "  Vybavené rýchlo  ", properties: new JsonObject { ["agent"] = "maria", ["rating"] = 4.5 });

        var response = await _ingest.PostAsJsonAsync("/v1/responses", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/v1/responses/call-1", response.Headers.Location?.OriginalString);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("call-1", (string?)created["id"]);
        Assert.Null(created["surveyId"]);
        Assert.Equal(_csat, (string?)created["templateId"]);
        Assert.Equal("csat", (string?)created["kind"]);
        Assert.Equal(5, (int?)created["score"]);
        Assert.Equal("Vybavené rýchlo", (string?)created["comment"]);
        Assert.Equal("en", (string?)created["locale"]);
        Assert.Equal("c-17", (string?)created["customerId"]);
        Assert.Equal("ticket-42", (string?)created["subjectId"]);
        Assert.Equal("phone", (string?)created["channel"]);
        Assert.Equal("maria", (string?)created["properties"]!["agent"]);
        Assert.Equal("4.5", (string?)created["properties"]!["rating"]);
        Assert.Equal(_factory.Time.GetUtcNow(), (DateTimeOffset)created["answeredAt"]!);
        Assert.Equal(_factory.Time.GetUtcNow(), (DateTimeOffset)created["updatedAt"]!);
        var fetched = await _reader.GetFromJsonAsync<JsonObject>(response.Headers.Location);
        Assert.True(JsonNode.DeepEquals(created, fetched), $"{created} != {fetched}");
    }

    [Fact]
    public async Task GivenLocaleAndAnsweredAtAreKept()
    {
        var body = ResponseBodies.Phone("chat-1", _csat, answeredAt: "2026-11-20T09:30:00+02:00", channel: "chat");
        body["locale"] = "he";

        var created = await _ingest.RecordAsync(body);

        Assert.Equal("he", (string?)created["locale"]);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 7, 30, 0, TimeSpan.Zero), (DateTimeOffset)created["answeredAt"]!);
        Assert.Equal(_factory.Time.GetUtcNow(), (DateTimeOffset)created["updatedAt"]!);
    }

    [Fact]
    public async Task RepeatedIdReturnsTheStoredAnswerWith200EvenWhenTheContentDiffers()
    {
        var first = await _ingest.RecordAsync(ResponseBodies.Phone("call-1", _csat, score: 5, comment: "first"));
        _factory.Time.Advance(TimeSpan.FromMinutes(10));

        var repeat = await _ingest.PostAsJsonAsync("/v1/responses", ResponseBodies.Phone("call-1", _csat, score: 1, comment: "second"));

        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Null(repeat.Headers.Location);
        var body = await repeat.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(JsonNode.DeepEquals(first, body), $"{first} != {body}");
        Assert.Equal(["call-1"], await _reader.ListIdsAsync("/v1/responses"));
    }

    [Fact]
    public async Task ListenersAreToldOnceAboutANewAnswer()
    {
        var listener = new RecordingListener();
        await using var app = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IResponseListener>(listener)));
        using var admin = app.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", FeedbackApiFactory.AdminKey);

        var first = await admin.PostAsJsonAsync("/v1/responses", ResponseBodies.Phone("call-1", _csat, score: 2));
        var repeat = await admin.PostAsJsonAsync("/v1/responses", ResponseBodies.Phone("call-1", _csat, score: 2));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        var (stored, previous) = Assert.Single(listener.Calls);
        Assert.Equal("call-1", stored.Id);
        Assert.Equal(2, stored.Score);
        Assert.Null(previous);
    }

    [Fact]
    public async Task AnswerToAnArchivedTemplateIsAccepted()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/v1/templates/{_csat}")).StatusCode);

        var created = await _ingest.RecordAsync(ResponseBodies.Phone("late-call", _csat, score: 3));

        Assert.Equal(3, (int?)created["score"]);
    }

    [Theory]
    [InlineData("nps", 0)]
    [InlineData("nps", 10)]
    [InlineData("ces", 7)]
    [InlineData("csat", 1)]
    public async Task ScoreAtTheEdgeOfTheTemplatesScaleIsAccepted(string kind, int score)
    {
        var template = await _factory.CreateTemplateAsync(kind);

        var created = await _ingest.RecordAsync(ResponseBodies.Phone("edge", template, score: score));

        Assert.Equal(kind, (string?)created["kind"]);
        Assert.Equal(score, (int?)created["score"]);
    }

    public static TheoryData<string, string> BadAnswers => new()
    {
        { """{"id":null}""", "id" },
        { """{"id":"  "}""", "id" },
        { $$"""{"id":"{{new string('x', 201)}}"}""", "id" },
        { """{"id":"has space"}""", "id" },
        { """{"id":"a/b"}""", "id" },
        { """{"id":"rsp_srv_1"}""", "id" },
        { """{"templateId":null}""", "templateId" },
        { """{"templateId":"tpl_missing"}""", "templateId" },
        { """{"score":null}""", "score" },
        { """{"score":6}""", "score" },
        { """{"score":0}""", "score" },
        { """{"score":"five"}""", "score" },
        { """{"score":4.5}""", "score" },
        { $$"""{"comment":"{{new string('x', 2001)}}"}""", "comment" },
        { """{"channel":null}""", "channel" },
        { """{"channel":"email"}""", "channel" },
        { """{"channel":"fax"}""", "channel" },
        { """{"channel":"Phone"}""", "channel" },
        { """{"customer":null}""", "customer" },
        { """{"customer":{"email":"a@b.sk"}}""", "customer.id" },
        { """{"subjectId":""}""", "subjectId" },
        { """{"locale":"not a locale"}""", "locale" },
        { """{"properties":{"nested":{"a":1}}}""", "properties.nested" },
        { """{"properties":{"bad name":"x"}}""", "properties.bad name" },
        { """{"answeredAt":"2026-11-23T11:00:00Z"}""", "answeredAt" },
        { """{"answeredAt":"yesterday"}""", "answeredAt" },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task BadAnswerIsRefusedNamingTheField(string change, string field)
    {
        var body = ResponseBodies.Phone("call-1", _csat);
        foreach (var (key, value) in JsonNode.Parse(change)!.AsObject())
        {
            body[key] = value?.DeepClone();
        }

        var response = await _ingest.PostAsJsonAsync("/v1/responses", body);

        await ProblemAssert.IsValidationProblemAsync(response, field);
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync("/v1/responses/call-1")).StatusCode);
    }

    [Fact]
    public async Task EveryMissingFieldIsNamedInOneProblem()
    {
        var response = await _ingest.PostAsJsonAsync("/v1/responses", new JsonObject());

        var problem = await ProblemAssert.IsValidationProblemAsync(response, "id", "templateId", "score", "channel", "customer", "subjectId");
        Assert.Equal("is required", ProblemAssert.Message(problem, "score"));
    }

    [Fact]
    public async Task AnsweredAtWithinFiveMinutesOfClockSkewIsAccepted()
    {
        var created = await _ingest.RecordAsync(ResponseBodies.Phone("call-1", _csat, answeredAt: "2026-11-23T10:04:00Z"));

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 4, 0, TimeSpan.Zero), (DateTimeOffset)created["answeredAt"]!);
    }

    [Fact]
    public async Task UnknownResponseIsNotFound()
    {
        var response = await _reader.GetAsync("/v1/responses/nope");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("nope", (string?)problem["detail"]);
    }

    private sealed class RecordingListener : IResponseListener
    {
        public List<(SurveyResponse Stored, SurveyResponse? Previous)> Calls { get; } = [];

        public Task ResponseRecordedAsync(SurveyResponse stored, SurveyResponse? previous, CancellationToken ct = default)
        {
            Calls.Add((stored, previous));
            return Task.CompletedTask;
        }
    }
}
