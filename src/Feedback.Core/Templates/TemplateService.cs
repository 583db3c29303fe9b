using Feedback.Core.Common;
using Feedback.Core.Storage;

namespace Feedback.Core.Templates;

/// <summary>
/// Builds a template version from a client's description (shape and <see cref="TemplateValidator"/> rules), or returns
/// the errors per field. The service decides the identity and times; the builder only fills them in.
/// </summary>
public delegate (SurveyTemplate? Template, ValidationErrors Errors) TemplateBuilder(
    string id, int version, DateTimeOffset createdAt, DateTimeOffset now);

/// <summary>
/// The changes of a template's life: create (version 1), replace (a new version, compare-and-set on the version) and
/// archive (a last version that schedules nothing, and its pending surveys cancelled). <c>ifMatch</c> is the caller's
/// precondition on the current version's <see cref="SurveyTemplate.ETag"/>, checked before anything changes.
/// </summary>
public sealed class TemplateService(ITemplateStore templates, ISurveyStore surveys, ActiveTemplates active, TimeProvider time)
{
    /// <summary>Stores version 1 of a new template under a new id.</summary>
    public async Task<CreateTemplateResult> CreateAsync(TemplateBuilder build, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var (template, errors) = build(Ids.New("tpl", time), 1, now, now);
        if (template is null)
        {
            return new CreateTemplateResult.Invalid(errors);
        }
        await templates.CreateAsync(template, ct);
        active.Changed();
        return new CreateTemplateResult.Created(template);
    }

    /// <summary>Stores the next version of an active template, only while the current version is still the one read.</summary>
    public async Task<ReplaceTemplateResult> ReplaceAsync(string id, TemplateBuilder build, Func<string, bool> ifMatch, CancellationToken ct = default)
    {
        if (await templates.GetAsync(id, ct) is not { } current)
        {
            return new ReplaceTemplateResult.NotFound();
        }
        if (!ifMatch(current.ETag))
        {
            return new ReplaceTemplateResult.PreconditionFailed(current.ETag);
        }
        if (current.Status == TemplateStatus.Archived)
        {
            return new ReplaceTemplateResult.TemplateArchived();
        }
        var (template, errors) = build(id, current.Version + 1, current.CreatedAt, time.GetUtcNow());
        if (template is null)
        {
            return new ReplaceTemplateResult.Invalid(errors);
        }
        if (!await templates.ReplaceAsync(template, current.Version, ct))
        {
            return new ReplaceTemplateResult.ChangedConcurrently();
        }
        active.Changed();
        return new ReplaceTemplateResult.Replaced(template);
    }

    /// <summary>Archives the template and cancels its pending surveys; archiving again cancels any left, and stores no version.</summary>
    public async Task<ArchiveTemplateResult> ArchiveAsync(string id, Func<string, bool> ifMatch, CancellationToken ct = default)
    {
        if (await templates.GetAsync(id, ct) is not { } current)
        {
            return new ArchiveTemplateResult.NotFound();
        }
        if (!ifMatch(current.ETag))
        {
            return new ArchiveTemplateResult.PreconditionFailed(current.ETag);
        }
        if (current.Status == TemplateStatus.Archived)
        {
            await surveys.CancelPendingByTemplateAsync(id, time.GetUtcNow(), ct);
            return new ArchiveTemplateResult.Archived();
        }
        var archived = current with { Version = current.Version + 1, Status = TemplateStatus.Archived, UpdatedAt = time.GetUtcNow() };
        if (!await templates.ReplaceAsync(archived, current.Version, ct))
        {
            return new ArchiveTemplateResult.ChangedConcurrently();
        }
        active.Changed();
        // After the archive, so no event can schedule a new survey of it between the two steps.
        await surveys.CancelPendingByTemplateAsync(id, archived.UpdatedAt, ct);
        return new ArchiveTemplateResult.Archived();
    }
}
