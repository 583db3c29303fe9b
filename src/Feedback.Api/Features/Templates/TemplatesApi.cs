using System.Diagnostics;
using Feedback.Api.Hosting.Auth;
using Feedback.Api.Hosting.Errors;
using Feedback.Core.Common;
using Feedback.Core.Storage;
using Feedback.Core.Templates;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Api.Features.Templates;

public static class TemplatesApi
{
    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/templates")
            .WithFeedbackErrors()
            .WithTags("Templates");

        group.MapPost("/", CreateAsync)
            .WithName("createTemplate")
            .WithSummary("Create a template (version 1).")
            .RequireAuthorization(Scopes.Admin);

        group.MapGet("/", ListAsync)
            .WithName("listTemplates")
            .WithSummary("List templates, oldest first, paged by cursor.")
            .RequireAuthorization(Scopes.Read);

        group.MapGet("/{id}", GetAsync)
            .WithName("getTemplate")
            .WithSummary("Get the current version of a template; the ETag header carries its version.")
            .ProducesProblems(404)
            .RequireAuthorization(Scopes.Read);

        group.MapPut("/{id}", ReplaceAsync)
            .WithName("replaceTemplate")
            .WithSummary("Replace a template, creating a new version; If-Match with the ETag guards against lost updates (412).")
            .ProducesProblems(404, 409, 412)
            .RequireAuthorization(Scopes.Admin);

        group.MapDelete("/{id}", TemplateArchive.ArchiveAsync)
            .WithName("archiveTemplate")
            .WithSummary("Archive a template: it stops scheduling surveys and its pending surveys are cancelled.")
            .ProducesProblems(404, 412)
            .RequireAuthorization(Scopes.Admin);

        group.MapGet("/{id}/versions", TemplateArchive.ListVersionsAsync)
            .WithName("listTemplateVersions")
            .WithSummary("Every version of a template, oldest first.")
            .ProducesProblems(404)
            .RequireAuthorization(Scopes.Read);

        group.MapGet("/{id}/versions/{version:int}", TemplateArchive.GetVersionAsync)
            .WithName("getTemplateVersion")
            .WithSummary("One version of a template.")
            .ProducesProblems(404)
            .RequireAuthorization(Scopes.Read);

        return app;
    }

    public static async Task<Results<Created<TemplateResponse>, ValidationProblem>> CreateAsync(
        JsonBody<TemplateRequest> body, TemplateService templates, HttpContext http, CancellationToken ct)
    {
        switch (await templates.CreateAsync(body.Value.ToTemplate(body.Errors), ct))
        {
            case CreateTemplateResult.Created(var template):
                http.Response.Headers.ETag = template.ETag;
                return TypedResults.Created($"/v1/templates/{template.Id}", TemplateResponse.From(template));
            case CreateTemplateResult.Invalid(var errors):
                return TypedResults.ValidationProblem(errors.ToDictionary());
            default:
                throw new UnreachableException();
        }
    }

    public static async Task<Results<Ok<TemplateList>, ValidationProblem>> ListAsync(
        ITemplateStore templates, CancellationToken ct, string? status = "active", string? cursor = null, int limit = PageCursor.DefaultLimit)
    {
        var errors = new ValidationErrors();
        TemplateStatus? statusFilter = status switch
        {
            "active" or null => TemplateStatus.Active,
            "archived" => TemplateStatus.Archived,
            "all" => null,
            _ => Fail(errors, "status", "must be active, archived or all"),
        };
        var after = Paging.Validate(cursor, limit, errors);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var page = await templates.ListAsync(new TemplateQuery(statusFilter, after, limit), ct);
        return TypedResults.Ok(new TemplateList(page.Items.Select(TemplateResponse.From).ToList(), page.NextCursor));
    }

    public static async Task<Results<Ok<TemplateResponse>, ProblemHttpResult>> GetAsync(
        string id, ITemplateStore templates, HttpContext http, CancellationToken ct)
    {
        if (await templates.GetAsync(id, ct) is not { } template)
        {
            return Problems.NotFound($"Template '{id}' does not exist.");
        }
        http.Response.Headers.ETag = template.ETag;
        return TypedResults.Ok(TemplateResponse.From(template));
    }

    public static async Task<Results<Ok<TemplateResponse>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        string id, JsonBody<TemplateRequest> body, TemplateService templates, HttpContext http, CancellationToken ct)
    {
        switch (await templates.ReplaceAsync(id, body.Value.ToTemplate(body.Errors), etag => IfMatch.Allows(http.Request, etag), ct))
        {
            case ReplaceTemplateResult.Replaced(var template):
                http.Response.Headers.ETag = template.ETag;
                return TypedResults.Ok(TemplateResponse.From(template));
            case ReplaceTemplateResult.NotFound:
                return Problems.NotFound($"Template '{id}' does not exist.");
            case ReplaceTemplateResult.PreconditionFailed(var etag):
                return Problems.PreconditionFailed(IfMatch.RefusalDetail(http.Request, etag));
            case ReplaceTemplateResult.TemplateArchived:
                return Problems.Conflict("An archived template cannot be changed.");
            case ReplaceTemplateResult.Invalid(var errors):
                return TypedResults.ValidationProblem(errors.ToDictionary());
            case ReplaceTemplateResult.ChangedConcurrently:
                return Problems.PreconditionFailed("The template was changed by another request; get it again and retry.");
            default:
                throw new UnreachableException();
        }
    }

    private static TemplateStatus? Fail(ValidationErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return null;
    }
}
