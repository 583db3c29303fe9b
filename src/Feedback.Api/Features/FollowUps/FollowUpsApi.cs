using System.Diagnostics;
using Feedback.Api.Features.Templates;
using Feedback.Api.Hosting.Auth;
using Feedback.Api.Hosting.Errors;
using Feedback.Core.Common;
using Feedback.Core.FollowUps;
using Feedback.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Api.Features.FollowUps;

public static class FollowUpsApi
{
    public static IEndpointRouteBuilder MapFollowUpsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/followups")
            .WithFeedbackErrors()
            .WithTags("Follow-ups");

        group.MapGet("/", ListAsync)
            .WithName("listFollowUps")
            .WithSummary("List follow-ups, oldest first, by status, template, assignee or overdue, paged by cursor.")
            .RequireAuthorization(Scopes.Read);

        group.MapGet("/stats", StatsAsync)
            .WithName("getFollowUpStats")
            .WithSummary("Close-the-loop figures of the follow-ups opened in a period: opened, resolved, open, overdue, the share resolved within due and the median hours to resolve.")
            .RequireAuthorization(Scopes.Read);

        group.MapGet("/{id}", GetAsync)
            .WithName("getFollowUp")
            .WithSummary("Get one follow-up; the ETag header carries its version.")
            .ProducesProblems(404)
            .RequireAuthorization(Scopes.Read);

        group.MapPatch("/{id}", UpdateAsync)
            .WithName("updateFollowUp")
            .WithSummary("Change a follow-up's status or assignee, or add a note; If-Match with the ETag guards against lost updates (412). Nothing moves out of resolved (409).")
            .ProducesProblems(404, 409, 412)
            .RequireAuthorization(Scopes.Ingest);

        return app;
    }

    // The store is taken [FromServices] so the host starts (and the other routes work) with an adapter lacking it.
    public static async Task<Results<Ok<FollowUpListResponse>, ValidationProblem>> ListAsync(
        [AsParameters] FollowUpListParameters parameters, [FromServices] IFollowUpStore followUps, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (parameters.ToQuery(errors) is not { } query)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var page = await followUps.ListAsync(query, ct);
        return TypedResults.Ok(new FollowUpListResponse([.. page.Items.Select(FollowUpResponse.From)], page.NextCursor));
    }

    public static async Task<Results<Ok<FollowUpStatsResponse>, ValidationProblem>> StatsAsync(
        [AsParameters] FollowUpStatsParameters parameters, [FromServices] FollowUpService followUps, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (parameters.ToQuery(errors) is not { } query)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        return TypedResults.Ok(FollowUpStatsResponse.From(await followUps.StatsAsync(query, ct)));
    }

    public static async Task<Results<Ok<FollowUpResponse>, ProblemHttpResult>> GetAsync(
        string id, [FromServices] IFollowUpStore followUps, HttpContext http, CancellationToken ct)
    {
        if (await followUps.GetAsync(id, ct) is not { } followUp)
        {
            return Problems.NotFound($"Follow-up '{id}' does not exist.");
        }
        http.Response.Headers.ETag = followUp.ETag;
        return TypedResults.Ok(FollowUpResponse.From(followUp));
    }

    public static async Task<Results<Ok<FollowUpResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id, JsonBody<FollowUpPatchRequest> body, [FromServices] FollowUpService followUps, HttpContext http, CancellationToken ct)
    {
        if (body.Value.ToPatch(body.Errors) is not { } patch)
        {
            return TypedResults.ValidationProblem(body.Errors.ToDictionary());
        }
        var update = await followUps.UpdateAsync(id, etag => IfMatch.Allows(http.Request, etag), patch, ct);
        switch (update)
        {
            case { Problem: null, FollowUp: { } updated }:
                http.Response.Headers.ETag = updated.ETag;
                return TypedResults.Ok(FollowUpResponse.From(updated));
            case { Problem: FollowUpUpdateProblem.NotFound }:
                return Problems.NotFound($"Follow-up '{id}' does not exist.");
            case { Problem: FollowUpUpdateProblem.Stale, FollowUp: { } stored }:
                return Problems.PreconditionFailed(IfMatch.RefusalDetail(http.Request, stored.ETag, "follow-up"));
            case { Problem: FollowUpUpdateProblem.Stale }:
                return Problems.PreconditionFailed("The follow-up kept changing; get it again and retry.");
            case { Problem: FollowUpUpdateProblem.ResolvedIsFinal }:
                return Problems.Conflict("A resolved follow-up stays resolved.");
            default:
                throw new UnreachableException();
        }
    }
}
