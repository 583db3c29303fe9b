using System.ComponentModel;
using Feedback.Api.Auth;
using Feedback.Api.Errors;
using Feedback.Core.Common;
using Feedback.Core.Storage;
using Feedback.Core.Templates;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Api.Scores;

public static class ScoresApi
{
    public static IEndpointRouteBuilder MapScoresApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/scores").WithTags("Scores").WithFeedbackErrors();

        // One route for the three kinds: the handling is the same, only the maths differ.
        group.MapGet("/{kind:regex(^(nps|csat|ces)$)}", GetAsync).RequireAuthorization(Scopes.Read).ProducesProblems(StatusCodes.Status404NotFound).WithSummary("NPS (% 9–10 − % 0–6), CSAT (% 4–5, Wilson interval) or CES (mean of 1–7, Student-t interval) of the answers in [from, to), with series, groups and the previous period.");
        group.MapPost("/rollups/rebuild", RebuildAsync).RequireAuthorization(Scopes.Admin).WithSummary("Recompute every score rollup from the stored answers and sent surveys.");
        return app;
    }

    // The stores are taken [FromServices] so the host starts (and the other routes work) with an adapter lacking them.
    public static async Task<Results<Ok<ScoreResponse>, ProblemHttpResult, ValidationProblem>> GetAsync(
        [Description("nps, csat or ces.")] string kind, [AsParameters] ScoreParameters parameters, HttpRequest request,
        ITemplateStore templates, [FromServices] IScoreRollupStore rollups, [FromServices] IResponseStore responses,
        TimeProvider time, CancellationToken ct)
    {
        var surveyKind = Enum.Parse<SurveyKind>(kind, ignoreCase: true);
        var errors = new ValidationErrors();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (ScoreQuery.Parse(parameters, request.Query, today, errors) is not { } query)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        if (query.TemplateId is { } templateId)
        {
            if (await templates.GetAsync(templateId, ct) is not { } template)
            {
                return Problems.NotFound($"Template '{templateId}' does not exist.");
            }
            if (template.Kind != surveyKind)
            {
                errors.Add("templateId", $"is a {template.Kind.ToString().ToLowerInvariant()} template, not {kind}");
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }
        }
        var data = await ReadAsync(query);
        var previous = query.CompareToPrevious ? await ReadAsync(query.Previous()) : null;
        return TypedResults.Ok(ScoreReport.Build(surveyKind, query, data, previous));

        Task<ScoreData> ReadAsync(ScoreQuery q) => q.FitsRollups
            ? RollupScoreReader.ReadAsync(rollups, surveyKind, q, ct)
            : ResponseScoreReader.ReadAsync(responses, surveyKind, q, ct);
    }

    public static async Task<Ok<RollupRebuildResponse>> RebuildAsync([FromServices] IScoreRollupStore rollups, CancellationToken ct)
    {
        var rebuild = await rollups.RebuildAsync(ct);
        return TypedResults.Ok(new RollupRebuildResponse(rebuild.Rows, rebuild.Responses, rebuild.Sent));
    }
}
