using System.ComponentModel;
using System.Globalization;
using Feedback.Api.Features.Responses;
using Feedback.Api.Hosting.Auth;
using Feedback.Api.Hosting.Errors;
using Feedback.Core.Common;
using Feedback.Core.Storage;
using Feedback.Core.Themes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Api.Features.Themes;

public static class ThemesApi
{
    public static IEndpointRouteBuilder MapThemesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/themes")
            .WithFeedbackErrors()
            .WithTags("Themes");

        group.MapGet("/", GetAsync)
            .WithName("listThemes")
            .WithSummary("Terms and two-word phrases the low (or high) segment's comments use more than the other comments of the query, per language, ranked by the z-score of the log-odds ratio with an informative Dirichlet prior.")
            .ProducesProblems(404)
            .RequireAuthorization(Scopes.Read);

        group.MapGet("/comments", ListCommentsAsync)
            .WithName("listThemeComments")
            .WithSummary("The query's comments containing one theme's term, with where it is in each, in answer-time order, paged by cursor.")
            .ProducesProblems(404)
            .RequireAuthorization(Scopes.Read);

        group.MapPost("/rebuild", RebuildAsync)
            .WithName("rebuildThemes")
            .WithSummary("Analyse every stored comment again and replace the term counts.")
            .RequireAuthorization(Scopes.Admin);

        return app;
    }

    // Services taken [FromServices] so the host starts (and the other routes work) with an adapter lacking the term store.
    public static async Task<Results<Ok<ThemesResponse>, ProblemHttpResult, ValidationProblem>> GetAsync(
        [AsParameters] ThemeParameters parameters, [Description("How many themes, 1–100 (default 20).")] [FromQuery(Name = "top")] string? top,
        HttpRequest request, [FromServices] ITemplateStore templates, [FromServices] ThemeService themes, TimeProvider time, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (ThemeRequests.Parse(parameters, top, request.Query, Today(time), errors) is not { } parsed)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        if (await ResolveKindAsync(parsed.Query, templates, errors, ct) is not { } query)
        {
            return errors.IsValid ? Problems.NotFound($"Template '{parsed.Query.TemplateId}' does not exist.") : TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var report = await themes.FindAsync(query, ct);
        return TypedResults.Ok(new ThemesResponse(query.Kind?.ToString().ToLowerInvariant(), Day(query.From), Day(query.To),
            query.Segment.ToString().ToLowerInvariant(), report.Findings.Comments, report.Findings.SegmentComments, report.Source,
            [.. report.Findings.Themes.Select(ThemeDto.From)]));
    }

    public static async Task<Results<Ok<ThemeCommentListResponse>, ProblemHttpResult, ValidationProblem>> ListCommentsAsync(
        [AsParameters] ThemeParameters parameters, [AsParameters] ThemeCommentParameters comments,
        HttpRequest request, [FromServices] ITemplateStore templates, [FromServices] ThemeService themes, TimeProvider time, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var parsed = ThemeRequests.Parse(parameters, null, request.Query, Today(time), errors);
        if (comments.Term is not { Length: > 0 and <= ThemeRequests.MaxTermLength })
        {
            errors.Add("term", $"is required: 1–{ThemeRequests.MaxTermLength} characters");
        }
        if (!Locales.IsValid(comments.Locale))
        {
            errors.Add("locale", "is required: a language tag such as en or pl");
        }
        var (limit, after) = ResponseFilters.Page(comments.Limit, comments.Cursor, errors);
        if (parsed is not { } p || !errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        if (await ResolveKindAsync(p.Query, templates, errors, ct) is not { } query)
        {
            return errors.IsValid ? Problems.NotFound($"Template '{p.Query.TemplateId}' does not exist.") : TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var page = await themes.MatchesAsync(query, CommentAnalyzer.LanguageOf(comments.Locale!), comments.Term!,
            p.SegmentGiven ? query.Segment : null, after, limit, ct);
        return TypedResults.Ok(new ThemeCommentListResponse([.. page.Items.Select(m => new ThemeCommentDto(m.Response.Id, m.Response.TemplateId,
            m.Response.Score, m.Response.Comment!, m.Response.Locale, m.Response.AnsweredAt,
            [.. m.Occurrences.Select(o => new HighlightDto(o.Start, o.End - o.Start))]))], page.NextCursor));
    }

    // The store is taken [FromServices] so the host starts (and the other routes work) with an adapter lacking it.
    public static async Task<Ok<ThemeRebuildResponse>> RebuildAsync([FromServices] ICommentTermStore terms, CancellationToken ct)
    {
        var rebuild = await terms.RebuildAsync(ct);
        return TypedResults.Ok(new ThemeRebuildResponse(rebuild.Comments, rebuild.Rows));
    }

    // A template fixes the kind; a kind given with it must agree. Null: unknown template (errors empty) or a mismatch.
    private static async Task<ThemeQuery?> ResolveKindAsync(ThemeQuery query, ITemplateStore templates, ValidationErrors errors, CancellationToken ct)
    {
        if (query.TemplateId is not { } templateId)
        {
            return query;
        }
        if (await templates.GetAsync(templateId, ct) is not { } template)
        {
            return null;
        }
        if (query.Kind is { } kind && kind != template.Kind)
        {
            errors.Add("templateId", $"is a {template.Kind.ToString().ToLowerInvariant()} template, not {kind.ToString().ToLowerInvariant()}");
            return null;
        }
        return query with { Kind = template.Kind };
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
