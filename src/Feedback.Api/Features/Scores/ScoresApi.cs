using System.ComponentModel;
using System.Diagnostics;
using Feedback.Api.Hosting.Auth;
using Feedback.Api.Hosting.Errors;
using Feedback.Api.Hosting.OpenApi;
using Feedback.Core.Common;
using Feedback.Core.Scoring;
using Feedback.Core.Storage;
using Feedback.Core.Templates;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Api.Features.Scores;

public static class ScoresApi
{
    public static IEndpointRouteBuilder MapScoresApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/scores")
            .WithFeedbackErrors()
            .WithTags("Scores");

        // One route for the three kinds: the handling is the same, only the maths differ.
        group.MapGet("/{kind:regex(^(nps|csat|ces)$)}", GetAsync)
            .WithName("getScore")
            .WithSummary("NPS (% 9–10 − % 0–6), CSAT (% 4–5, Wilson interval) or CES (mean of 1–7, Student-t interval) of the answers in [from, to), with series, groups and the previous period.")
            .ProducesProblems(404)
            .RequireAuthorization(Scopes.Read);

        group.MapPost("/rollups/rebuild", RebuildAsync)
            .WithName("rebuildScoreRollups")
            .WithSummary("Recompute every score rollup from the stored answers and sent surveys.")
            .RequireAuthorization(Scopes.Admin);

        return app;
    }

    // Services taken [FromServices] so the host starts (and the other routes work) with an adapter lacking the score stores.
    public static async Task<Results<Ok<ScoreResponse>, ProblemHttpResult, ValidationProblem>> GetAsync(
        [Description("nps, csat or ces.")] string kind, [AsParameters] ScoreParameters parameters, HttpRequest request,
        [FromServices] ScoreService scores, TimeProvider time, CancellationToken ct)
    {
        // The route's pattern ignores case, as route constraints do; the kind itself is read like every enum.
        if (!EnumNames.TryParse<SurveyKind>(kind, out var surveyKind))
        {
            return Problems.NotFound($"There is no '{kind}' score: the kinds are {EnumNames.List<SurveyKind>()}.");
        }
        var errors = new ValidationErrors();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (parameters.ToQuery(surveyKind, request.Query, today, errors) is not { } query)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        return await scores.GetAsync(query, ct) switch
        {
            ScoreResult.Computed(var report) => TypedResults.Ok(ScoreResponses.From(report)),
            ScoreResult.TemplateNotFound => Problems.NotFound($"Template '{query.TemplateId}' does not exist."),
            ScoreResult.TemplateOfOtherKind(var other) => TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["templateId"] = [$"is a {other.ToString().ToLowerInvariant()} template, not {kind}"],
            }),
            _ => throw new UnreachableException(),
        };
    }

    public static async Task<Ok<RollupRebuildResponse>> RebuildAsync([FromServices] IScoreRollupStore rollups, CancellationToken ct)
    {
        var rebuild = await rollups.RebuildAsync(ct);
        return TypedResults.Ok(new RollupRebuildResponse(rebuild.Rows, rebuild.Responses, rebuild.Sent));
    }
}
