using System.Net;
using System.Net.Http.Json;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Responses;

public sealed class ResponseScopeTests : IAsyncLifetime
{
    private readonly FeedbackApiFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task ReadKeyCannotRecordAnAnswer()
    {
        var template = await _factory.CreateTemplateAsync();
        using var reader = await _factory.CreateClientAsync(ApiScope.Read);

        var response = await reader.PostAsJsonAsync("/v1/responses", ResponseBodies.Phone("call-1", template));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/v1/responses")]
    [InlineData("/v1/responses.csv")]
    [InlineData("/v1/responses/call-1")]
    public async Task IngestKeyCannotReadAnswers(string url)
    {
        using var ingest = await _factory.CreateClientAsync(ApiScope.Ingest);

        var response = await ingest.GetAsync(url);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("GET", "/v1/responses")]
    [InlineData("GET", "/v1/responses.csv")]
    [InlineData("GET", "/v1/responses/call-1")]
    [InlineData("POST", "/v1/responses")]
    public async Task RequestWithoutAKeyIsUnauthorized(string method, string url)
    {
        using var anonymous = _factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "POST" ? JsonContent.Create(new { id = "x" }) : null };

        var response = await anonymous.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AdminKeyCanRecordAndRead()
    {
        var template = await _factory.CreateTemplateAsync();
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);

        await admin.RecordAsync(ResponseBodies.Phone("call-1", template));

        Assert.Equal(["call-1"], await admin.ListIdsAsync("/v1/responses"));
    }
}
