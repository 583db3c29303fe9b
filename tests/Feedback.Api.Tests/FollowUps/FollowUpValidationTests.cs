using System.Net;
using System.Net.Http.Json;
using System.Text;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.FollowUps;

/// <summary>Every new parameter and body field of the follow-ups API, refused with the field named.</summary>
public sealed class FollowUpValidationTests(SharedFeedbackApi api) : IClassFixture<SharedFeedbackApi>
{
    private readonly FeedbackApiFactory _factory = api.Factory;

    [Theory]
    [InlineData("?status=closed", "status")]
    [InlineData("?status=inProgress", "status")]
    [InlineData("?overdue=yes", "overdue")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=abc", "limit")]
    [InlineData("?cursor=!!", "cursor")]
    [InlineData("/stats?from=yesterday", "from")]
    [InlineData("/stats?to=2026-13-01", "to")]
    [InlineData("/stats?from=2026-11-02&to=2026-11-01", "from")]
    public async Task BadQueryIsRefusedWithTheParameterNamed(string query, string field)
    {
        using var reader = await _factory.CreateClientAsync(ApiScope.Read);

        await ProblemAssert.IsValidationProblemAsync(await reader.GetAsync($"/v1/followups{query}"), field);
    }

    [Theory]
    [InlineData("""{ "status": "done" }""", "status")]
    [InlineData("""{ "status": 2 }""", "status")]
    [InlineData("""{ "assignee": 42 }""", "assignee")]
    [InlineData("""{ "note": { "text": "Called." } }""", "note.author")]
    [InlineData("""{ "note": { "author": "maria", "text": "  " } }""", "note.text")]
    [InlineData("""{ "note": "Called." }""", "note")]
    public async Task BadPatchIsRefusedWithTheFieldNamed(string json, string field)
    {
        using var ingest = await _factory.CreateClientAsync(ApiScope.Ingest);

        var response = await ingest.PatchAsync("/v1/followups/fup_missing", new StringContent(json, Encoding.UTF8, "application/json"));

        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task TooLongAssigneeAndNoteAreRefused()
    {
        using var ingest = await _factory.CreateClientAsync(ApiScope.Ingest);

        var response = await ingest.PatchAsJsonAsync("/v1/followups/fup_missing",
            new { assignee = new string('a', 201), note = new { author = "maria", text = new string('x', 2001) } });

        await ProblemAssert.IsValidationProblemAsync(response, "assignee", "note.text");
    }

    [Fact]
    public async Task UnknownFollowUpIsNotFound()
    {
        using var ingest = await _factory.CreateClientAsync(ApiScope.Ingest);
        using var reader = await _factory.CreateClientAsync(ApiScope.Read);

        await ProblemAssert.IsProblemAsync(await ingest.PatchAsJsonAsync("/v1/followups/fup_missing", new { status = "resolved" }), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await reader.GetAsync("/v1/followups/fup_missing"), HttpStatusCode.NotFound);
    }
}
