using Feedback.Api.Hosting.Auth;
using Feedback.Api.Hosting.Errors;
using Feedback.Core.Common;
using Feedback.Core.Delivery;
using Feedback.Core.Scheduling;
using Feedback.Core.Surveys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Api.Features.Events;

public static class EventsApi
{
    public const int MaxBatch = 1000;

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/events")
            .WithFeedbackErrors()
            .RequireAuthorization(Scopes.Ingest)
            .WithTags("Events");

        group.MapPost("/", IngestAsync)
            .WithName("ingestEvent")
            .WithSummary("Report an event; matching templates schedule surveys. 202 means durably stored.");

        group.MapPost("/batch", IngestBatchAsync)
            .WithName("ingestEventBatch")
            .WithSummary("Report up to 1000 events in one request.");

        return app;
    }

    public static async Task<Results<Accepted<EventResponse>, ValidationProblem>> IngestAsync(
        JsonBody<EventRequest> body, SurveyScheduler scheduler, AnswerLinks links, TimeProvider time, CancellationToken ct)
    {
        var errors = body.Errors;
        if (body.Value.ToEvent("", time.GetUtcNow(), errors) is not { } e || !errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        return TypedResults.Accepted((string?)null, EventResponse.From(await scheduler.IngestAsync(e, ct), links));
    }

    public static async Task<Results<Accepted<EventBatchResponse>, ValidationProblem>> IngestBatchAsync(
        JsonBody<EventBatchRequest> body, SurveyScheduler scheduler, AnswerLinks links, TimeProvider time, CancellationToken ct)
    {
        var (request, errors, now) = (body.Value, body.Errors, time.GetUtcNow());
        var events = new List<FeedbackEvent>();
        if (request.Events is not { Count: > 0 and <= MaxBatch })
        {
            errors.Add("events", $"must hold 1 to {MaxBatch} events");
        }
        else
        {
            for (var i = 0; i < request.Events.Count; i++)
            {
                if (request.Events[i] is not { } item)
                {
                    errors.Add($"events[{i}]", "must be an event object");
                }
                else if (item.ToEvent($"events[{i}]", now, errors) is { } e)
                {
                    events.Add(e);
                }
            }
        }
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var outcomes = await scheduler.IngestManyAsync(events, ct);
        return TypedResults.Accepted((string?)null, new EventBatchResponse(outcomes.Select(o => EventResponse.From(o, links)).ToList()));
    }
}
