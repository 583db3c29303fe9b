using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;
using Feedback.Core.Templates;

namespace Feedback.Api.Tests.Templates;

/// <summary>
/// The scheduler's active templates are kept per replica for <see cref="ActiveTemplates.Ttl"/>: a template change is
/// seen at once by the replica that made it, and by another replica (a second service on the same database) once that
/// bound has passed.
/// </summary>
public sealed class TemplateCacheTests : TwoReplicas
{
    [Fact]
    public async Task ArchivedTemplateStopsSchedulingHereAtOnceAndOnAnotherReplicaOnceTheBoundHasPassed()
    {
        using var admin = await First.CreateClientAsync(ApiScope.Admin);
        using var ingestFirst = await First.CreateClientAsync(ApiScope.Ingest);
        using var ingestSecond = await Second.CreateClientAsync(ApiScope.Ingest);
        var id = (string)(await admin.CreateTemplateAsync())["id"]!;
        Assert.Single(await SurveysAsync(ingestFirst, "e-1"));
        Assert.Single(await SurveysAsync(ingestSecond, "e-2"));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteTemplateAsync(id)).StatusCode);

        Assert.Empty(await SurveysAsync(ingestFirst, "e-3"));
        Second.Time.Advance(ActiveTemplates.Ttl - TimeSpan.FromSeconds(1));
        Assert.Single(await SurveysAsync(ingestSecond, "e-4"));
        Second.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(await SurveysAsync(ingestSecond, "e-5"));
    }

    [Fact]
    public async Task NewTemplateIsSeenHereAtOnce()
    {
        using var admin = await First.CreateClientAsync(ApiScope.Admin);
        using var ingest = await First.CreateClientAsync(ApiScope.Ingest);
        Assert.Empty(await SurveysAsync(ingest, "e-1"));

        await admin.CreateTemplateAsync();

        Assert.Single(await SurveysAsync(ingest, "e-2"));
    }

    /// <summary>Posts an event of a new subject and customer; the surveys it scheduled.</summary>
    private static async Task<JsonArray> SurveysAsync(HttpClient ingest, string eventId)
    {
        var response = await ingest.PostAsJsonAsync("/v1/events", EventBodies.Resolved(eventId, subjectId: $"ticket-{eventId}", customerId: $"c-{eventId}"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["surveys"]!.AsArray();
    }
}
