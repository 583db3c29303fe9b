using Feedback.Api.Errors;
using Feedback.Core.Storage;
using Feedback.Core.Templates;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Api.Templates;

/// <summary>Archiving and the version history of templates.</summary>
public static class TemplateArchive
{
    public static async Task<Results<NoContent, ProblemHttpResult>> ArchiveAsync(
        string id, ITemplateStore templates, ISurveyStore surveys, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        if (await templates.GetAsync(id, ct) is not { } current)
        {
            return Problems.NotFound($"Template '{id}' does not exist.");
        }
        if (!IfMatch.Allows(http.Request, current.ETag))
        {
            return Problems.PreconditionFailed($"The template has changed: its ETag is now {current.ETag}.");
        }
        if (current.Status == TemplateStatus.Archived)
        {
            await surveys.CancelPendingByTemplateAsync(id, time.GetUtcNow(), ct);
            return TypedResults.NoContent();
        }
        var archived = current with { Version = current.Version + 1, Status = TemplateStatus.Archived, UpdatedAt = time.GetUtcNow() };
        if (!await templates.ReplaceAsync(archived, current.Version, ct))
        {
            return Problems.PreconditionFailed("The template was changed by another request; get it again and retry.");
        }
        // After the archive, so no event can schedule a new survey of it between the two steps.
        await surveys.CancelPendingByTemplateAsync(id, archived.UpdatedAt, ct);
        return TypedResults.NoContent();
    }

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
