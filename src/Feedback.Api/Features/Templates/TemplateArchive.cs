using System.Diagnostics;
using Feedback.Api.Hosting.Errors;
using Feedback.Core.Storage;
using Feedback.Core.Templates;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Api.Features.Templates;

/// <summary>Archiving and the version history of templates.</summary>
public static class TemplateArchive
{
    public static async Task<Results<NoContent, ProblemHttpResult>> ArchiveAsync(
        string id, TemplateService templates, HttpContext http, CancellationToken ct) =>
        await templates.ArchiveAsync(id, etag => IfMatch.Allows(http.Request, etag), ct) switch
        {
            ArchiveTemplateResult.Archived => TypedResults.NoContent(),
            ArchiveTemplateResult.NotFound => Problems.NotFound($"Template '{id}' does not exist."),
            ArchiveTemplateResult.PreconditionFailed(var etag) => Problems.PreconditionFailed(IfMatch.RefusalDetail(http.Request, etag)),
            ArchiveTemplateResult.ChangedConcurrently => Problems.PreconditionFailed("The template was changed by another request; get it again and retry."),
            _ => throw new UnreachableException(),
        };

    public static async Task<Results<Ok<TemplateList>, ProblemHttpResult>> ListVersionsAsync(
        string id, ITemplateStore templates, CancellationToken ct)
    {
        var versions = await templates.ListVersionsAsync(id, ct);
        return versions.Count == 0
            ? Problems.NotFound($"Template '{id}' does not exist.")
            : TypedResults.Ok(new TemplateList(versions.Select(TemplateResponse.From).ToList(), null));
    }

    public static async Task<Results<Ok<TemplateResponse>, ProblemHttpResult>> GetVersionAsync(
        string id, int version, ITemplateStore templates, CancellationToken ct) =>
        await templates.GetVersionAsync(id, version, ct) is { } template
            ? TypedResults.Ok(TemplateResponse.From(template))
            : Problems.NotFound($"Template '{id}' has no version {version}.");
}
