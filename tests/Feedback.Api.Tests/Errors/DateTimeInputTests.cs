using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests.Errors;

/// <summary>
/// A date-time in a body names its offset (a local time would mean another instant on another server), and an event
/// cannot have happened more than a day from now. The clock stands at 2026-11-23T10:00:00Z.
/// </summary>
public sealed class DateTimeInputTests : ServiceFixture
{
    private const string OffsetMessage = "must be an ISO-8601 date-time with Z or an offset (2026-11-23T10:00:00Z)";

    public static TheoryData<string, string, string> WithoutOffset => new()
    {
        { "/v1/events", "2026-12-01T10:00:00", "occurredAt" },
        { "/v1/events", "2026-12-01", "occurredAt" },
        { "/v1/events", "2026-11-22T10:00:00.5", "occurredAt" },
        { "/v1/events", "2026-11-22 10:00:00Z", "occurredAt" },
        { "/v1/events/batch", "2026-11-22T10:00:00", "events[0].occurredAt" },
        { "/v1/surveys", "2026-12-01T10:00:00", "sendAt" },
        { "/v1/surveys", "2026-12-01", "sendAt" },
        { "/v1/responses", "2026-11-20T09:30:00", "answeredAt" },
        { "/v1/responses", "2026-11-20", "answeredAt" },
    };

    [Theory]
    [MemberData(nameof(WithoutOffset))]
    public async Task DateTimeWithoutAnOffsetIsRefusedInEveryBody(string url, string time, string field)
    {
        var response = await Ingest.PostAsJsonAsync(url, await BodyAsync(url, time));

        var problem = await ProblemAssert.IsValidationProblemAsync(response, field);
        Assert.Equal(OffsetMessage, ProblemAssert.Message(problem, field));
    }

    [Theory]
    [InlineData("2099-01-01T00:00:00Z")]
    [InlineData("2026-11-24T10:00:01Z")]
    [InlineData("2026-11-24T12:00:01+02:00")]
    public async Task OccurredAtMoreThanADayAheadIsRefused(string occurredAt)
    {
        var response = await Ingest.PostAsJsonAsync("/v1/events", EventBodies.Resolved("e-1", occurredAt: occurredAt));

        var problem = await ProblemAssert.IsValidationProblemAsync(response, "occurredAt");
        Assert.Equal("must not be more than a day in the future", ProblemAssert.Message(problem, "occurredAt"));
    }

    [Theory]
    [InlineData("2026-11-24T10:00:00Z")]
    [InlineData("2026-11-24T11:00:00+01:00")]
    [InlineData("2026-11-23T15:30:00.1234567+05:30")]
    [InlineData("2026-11-23T10:00Z")]
    [InlineData("2020-01-01T00:00:00-08:00")]
    public async Task OccurredAtWithAnOffsetUpToADayAheadIsAccepted(string occurredAt)
    {
        var response = await Ingest.PostAsJsonAsync("/v1/events", EventBodies.Resolved("e-1", occurredAt: occurredAt));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task OccurredAtMoreThanADayAheadRefusesTheWholeBatch()
    {
        var batch = new JsonObject
        {
            ["events"] = new JsonArray(EventBodies.Resolved("e-1"), EventBodies.Resolved("e-2", subjectId: "ticket-2", occurredAt: "2099-01-01T00:00:00Z")),
        };

        var response = await Ingest.PostAsJsonAsync("/v1/events/batch", batch);

        await ProblemAssert.IsValidationProblemAsync(response, "events[1].occurredAt");
        Assert.Empty((await Read.GetFromJsonAsync<JsonObject>("/v1/surveys"))!["items"]!.AsArray());
    }

    private async Task<JsonObject> BodyAsync(string url, string time)
    {
        switch (url)
        {
            case "/v1/events":
                return EventBodies.Resolved("e-1", occurredAt: time);
            case "/v1/events/batch":
                return new JsonObject { ["events"] = new JsonArray(EventBodies.Resolved("e-1", occurredAt: time)) };
            case "/v1/surveys":
                var send = SendBody(await CreateTemplateAsync());
                send["sendAt"] = time;
                return send;
            default:
                var template = await CreateTemplateAsync();
                return new JsonObject
                {
                    ["id"] = "phone-1", ["templateId"] = template, ["score"] = 4, ["channel"] = "phone",
                    ["customer"] = new JsonObject { ["id"] = "c-1" }, ["subjectId"] = "ticket-1", ["answeredAt"] = time,
                };
        }
    }
}
