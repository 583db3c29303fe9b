using Feedback.Api.Hosting.Auth;
using Feedback.Api.Hosting.Errors;
using Feedback.Core.Common;
using Feedback.Core.FollowUps;
using Feedback.Core.Responses;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Api.Features.Responses;

public static class ResponsesApi
{
    public static IEndpointRouteBuilder MapResponsesApi(this IEndpointRouteBuilder app)
    {
        // "/v1/responses.csv" is not below "/v1/responses", so the group is "/v1".
        var group = app.MapGroup("/v1")
            .WithFeedbackErrors()
            .WithTags("Responses");

        group.MapGet("/responses", ListAsync)
            .WithName("listResponses")
            .WithSummary("List answers in answer-time order (answeredAt, then id) by template, kind, time, score, comment, customer, change time, reason or property, paged by cursor; Accept: text/csv exports them all.")
            .RequireAuthorization(Scopes.Read);

        group.MapGet("/responses.csv", ExportCsv)
            .WithName("exportResponsesCsv")
            .WithSummary("Every answer matching the filters as CSV (UTF-8 with BOM), in list order, streamed.")
            .RequireAuthorization(Scopes.Read);

        group.MapGet("/responses/{id}", GetAsync)
            .WithName("getResponse")
            .WithSummary("Get one answer.")
            .ProducesProblems(404)
            .RequireAuthorization(Scopes.Read);

        group.MapPost("/responses", RecordAsync)
            .WithName("recordResponse")
            .WithSummary("Record an answer collected elsewhere; idempotent by id (201 first, 200 with the stored answer on a repeat).")
            .RequireAuthorization(Scopes.Ingest);

        return app;
    }

    // The store is taken [FromServices] so the host starts (and the other routes work) with an adapter lacking it.
    public static async Task<Results<Ok<AnswerListResponse>, ResponsesCsv, ValidationProblem>> ListAsync(
        [AsParameters] ResponseFilterParameters filters, HttpRequest request, [FromServices] IResponseStore responses, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (ResponseFilters.Parse(filters, request.Query, errors) is not { } query)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        if (PrefersCsv(request))
        {
            return new ResponsesCsv(responses, query);
        }
        var page = await responses.ListAsync(query, ct);
        return TypedResults.Ok(new AnswerListResponse(page.Items.Select(AnswerResponse.From).ToList(), page.NextCursor));
    }

    public static Results<ResponsesCsv, ValidationProblem> ExportCsv(
        [AsParameters] ResponseFilterParameters filters, HttpRequest request, [FromServices] IResponseStore responses)
    {
        var errors = new ValidationErrors();
        return ResponseFilters.Parse(filters, request.Query, errors) is { } query
            ? new ResponsesCsv(responses, query)
            : TypedResults.ValidationProblem(errors.ToDictionary());
    }

    public static async Task<Results<Ok<AnswerResponse>, ProblemHttpResult>> GetAsync(
        string id, [FromServices] IResponseStore responses, CancellationToken ct) =>
        await responses.GetAsync(id, ct) is { } response
            ? TypedResults.Ok(AnswerResponse.From(response))
            : Problems.NotFound($"Response '{id}' does not exist.");

    /// <summary>
    /// Stores the answer the first time its id is seen and tells the listeners; a repeat of the id returns what was stored
    /// then, even when the repeat's content differs (the first write wins, as with events).
    /// </summary>
    public static async Task<Results<Created<AnswerResponse>, Ok<AnswerResponse>, ValidationProblem>> RecordAsync(
        JsonBody<RecordResponseRequest> body, ITemplateStore templates, [FromServices] IResponseStore responses,
        IEnumerable<IResponseListener> listeners, IEnumerable<IFollowUpListener> followUpListeners, TimeProvider time, CancellationToken ct)
    {
        var (request, errors) = (body.Value, body.Errors);
        var template = string.IsNullOrWhiteSpace(request.TemplateId) || request.TemplateId.Length > Ids.MaxLength
            ? null
            : await templates.GetAsync(request.TemplateId, ct);
        if (request.ToResponse(template, time.GetUtcNow(), errors) is not { } response)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var customer = new Customer(response.CustomerId, Email: null, Locale: response.Locale);
        var (stored, created, opened) = await responses.AddExternalAsync(response, new FollowUpSource(template!.FollowUp, customer), ct);
        if (!created)
        {
            return TypedResults.Ok(AnswerResponse.From(stored));
        }
        foreach (var listener in listeners)
        {
            await listener.ResponseRecordedAsync(stored, null, ct);
        }
        await followUpListeners.TellAsync(opened, FollowUpEvent.Created, ct);
        return TypedResults.Created($"/v1/responses/{stored.Id}", AnswerResponse.From(stored));
    }

    /// <summary>
    /// CSV when the client ranks text/csv above JSON: above an explicit application/json, and at least as high as a
    /// wildcard (the more specific type wins a tie). No Accept header means JSON.
    /// </summary>
    private static bool PrefersCsv(HttpRequest request)
    {
        double csv = 0, json = 0, wildcard = 0;
        foreach (var type in request.GetTypedHeaders().Accept)
        {
            var quality = type.Quality ?? 1;
            switch (type.MediaType.Value?.ToLowerInvariant())
            {
                case ResponsesCsv.ContentType:
                    csv = Math.Max(csv, quality);
                    break;
                case "application/json":
                    json = Math.Max(json, quality);
                    break;
                case "*/*" or "application/*":
                    wildcard = Math.Max(wildcard, quality);
                    break;
            }
        }
        return csv > 0 && csv > json && csv >= wildcard;
    }
}
