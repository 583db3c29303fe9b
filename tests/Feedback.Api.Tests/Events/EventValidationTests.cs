using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Events;

public sealed class EventValidationTests : IAsyncLifetime
{
    private readonly FeedbackApiFactory _factory = new();
    private HttpClient _ingest = null!;

    public async ValueTask InitializeAsync() => _ingest = await _factory.CreateClientAsync(ApiScope.Ingest);

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    public static TheoryData<string, string> BadEvents => new()
    {
        { """{"id":null}""", "id" },
        { """{"type":"has space"}""", "type" },
        { """{"occurredAt":null}""", "occurredAt" },
        { """{"subjectId":""}""", "subjectId" },
        { """{"customer":null}""", "customer" },
        { """{"customer":{"id":"c","email":"not-an-email"}}""", "customer.email" },
        { """{"customer":{"id":"c","email":"a@b.sk","timeZone":"Mars/Olympus"}}""", "customer.timeZone" },
        { """{"customer":{"id":"c","email":"a@b.sk","locale":"not a locale"}}""", "customer.locale" },
        { """{"customer":{"email":"a@b.sk"}}""", "customer.id" },
        { """{"properties":{"nested":{"a":1}}}""", "properties.nested" },
        { """{"properties":{"bad name":"x"}}""", "properties.bad name" },
    };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public async Task BadEventIsRefusedNamingTheField(string change, string field)
    {
        var body = EventBodies.Resolved("e-1");
        foreach (var (key, value) in JsonNode.Parse(change)!.AsObject())
        {
            body[key] = value?.DeepClone();
        }

        var response = await _ingest.PostAsJsonAsync("/v1/events", body);

        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task BatchWithOneBadEventStoresNothing()
    {
        var bad = EventBodies.Resolved("e-2", email: "nope");
        var batch = new JsonObject { ["events"] = new JsonArray(EventBodies.Resolved("e-1"), bad) };

        var response = await _ingest.PostAsJsonAsync("/v1/events/batch", batch);

        await ProblemAssert.IsValidationProblemAsync(response, "events[1].customer.email");
        var retry = await _ingest.PostAsJsonAsync("/v1/events", EventBodies.Resolved("e-1", subjectId: "changed"));
        var outcome = await retry.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("e-1", (string?)outcome!["eventId"]);
    }

    [Fact]
    public async Task BatchOfMoreThanAThousandIsRefused()
    {
        var events = new JsonArray(Enumerable.Range(0, 1001).Select(i => (JsonNode)EventBodies.Resolved($"e-{i}")).ToArray());

        var response = await _ingest.PostAsJsonAsync("/v1/events/batch", new JsonObject { ["events"] = events });

        await ProblemAssert.IsValidationProblemAsync(response, "events");
    }

    [Fact]
    public async Task BatchAnswersOneResultPerEventInOrder()
    {
        var batch = new JsonObject { ["events"] = new JsonArray(EventBodies.Resolved("e-1"), EventBodies.Resolved("e-2"), EventBodies.Resolved("e-3")) };

        var response = await _ingest.PostAsJsonAsync("/v1/events/batch", batch);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();
        Assert.Equal(["e-1", "e-2", "e-3"], results.Select(r => (string)r!["eventId"]!));
    }
}
