using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Events;

/// <summary>
/// A batch answers as if its events came one after the other: events alone in their lane are planned together and
/// stored in one call, events sharing a customer (or id, subject, e-mail) still see each other in batch order.
/// </summary>
public sealed class EventBatchTests : IAsyncLifetime
{
    private readonly FeedbackApiFactory _factory = new();
    private HttpClient _admin = null!;
    private HttpClient _ingest = null!;

    public async ValueTask InitializeAsync()
    {
        _admin = await _factory.CreateClientAsync(ApiScope.Admin);
        _ingest = await _factory.CreateClientAsync(ApiScope.Ingest);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task LoneEventsSeeStoredQuietPeriodsAndSuppressionsThroughTheBatchReads()
    {
        (await _admin.PostAsJsonAsync("/v1/templates", TemplateBodies.Csat())).EnsureSuccessStatusCode();
        (await _ingest.PostAsJsonAsync("/v1/events", Event("e-0", "s-0", "c-0"))).EnsureSuccessStatusCode();
        (await _ingest.PostAsJsonAsync("/v1/suppressions", new JsonObject { ["email"] = "C-2@Example.sk" })).EnsureSuccessStatusCode();
        var batch = new JsonObject { ["events"] = new JsonArray(Event("e-1", "s-1", "c-0"), Event("e-2", "s-2", "c-2"), Event("e-3", "s-3", "c-3")) };

        var response = await _ingest.PostAsJsonAsync("/v1/events/batch", batch);

        var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();
        Assert.Equal("quiet_period", (string?)results[0]!["skipped"]![0]!["reason"]);
        Assert.Equal("suppressed", (string?)results[1]!["skipped"]![0]!["reason"]);
        Assert.Single(results[2]!["surveys"]!.AsArray());
    }

    private static JsonObject Event(string id, string subject, string customer) =>
        EventBodies.Resolved(id, subjectId: subject, customerId: customer, email: $"{customer}@example.sk");

    [Fact]
    public async Task LoneEventsAreStoredTogetherAndEventsOfOneCustomerStillSeeEachOther()
    {
        (await _admin.PostAsJsonAsync("/v1/templates", TemplateBodies.Csat())).EnsureSuccessStatusCode();
        var single = await _ingest.PostAsJsonAsync("/v1/events", Event("e-0", "s-0", "c-0"));
        var first = (await single.Content.ReadFromJsonAsync<JsonObject>())!;
        var batch = new JsonObject
        {
            ["events"] = new JsonArray(
                Event("e-1", "s-1", "c-1"),
                Event("e-2", "s-2", "c-2"),
                Event("e-3", "s-3", "c-1"),   // c-1 again: its quiet period started with e-1
                Event("e-0", "s-9", "c-9"),   // a known id: the first outcome, nothing new
                Event("e-4", "s-4", "c-4")),
        };

        var response = await _ingest.PostAsJsonAsync("/v1/events/batch", batch);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();
        Assert.Equal(["e-1", "e-2", "e-3", "e-0", "e-4"], results.Select(r => (string)r!["eventId"]!));
        Assert.Equal([1, 1, 0, 1, 1], results.Select(r => r!["surveys"]!.AsArray().Count));
        Assert.Equal("quiet_period", (string?)results[2]!["skipped"]![0]!["reason"]);
        Assert.Equal(first.ToJsonString(), results[3]!.ToJsonString());
        var surveys = (await _admin.GetFromJsonAsync<JsonObject>("/v1/surveys?limit=100"))!["items"]!.AsArray();
        Assert.Equal(["c-0", "c-1", "c-2", "c-4"], surveys.Select(s => (string)s!["customer"]!["id"]!).Order());
    }
}
