using Feedback.Core.Common;
using Feedback.Core.Templates;

namespace Feedback.Core.Storage;

/// <summary>Filters and paging of a template list: <see cref="Status"/> null means every status; <see cref="After"/> is the decoded cursor (last id of the previous page).</summary>
public sealed record TemplateQuery(TemplateStatus? Status = TemplateStatus.Active, string? After = null, int Limit = PageCursor.DefaultLimit);

/// <summary>Survey templates and their version history.</summary>
public interface ITemplateStore
{
    /// <summary>Stores version 1 of a new template.</summary>
    /// <exception cref="DuplicateKeyException">A template with this id exists.</exception>
    Task CreateAsync(SurveyTemplate template, CancellationToken ct = default);

    /// <summary>The current version, or null.</summary>
    Task<SurveyTemplate?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>A given version (current or earlier), or null.</summary>
    Task<SurveyTemplate?> GetVersionAsync(string id, int version, CancellationToken ct = default);

    /// <summary>Every version of a template, oldest first (empty when unknown).</summary>
    Task<IReadOnlyList<SurveyTemplate>> ListVersionsAsync(string id, CancellationToken ct = default);

    /// <summary>Templates ordered by id (creation order), paged by an opaque cursor.</summary>
    Task<Page<SurveyTemplate>> ListAsync(TemplateQuery query, CancellationToken ct = default);

    /// <summary>
    /// Replaces the current version with <paramref name="template"/> (whose version must be <paramref name="expectedVersion"/> + 1)
    /// only when the stored version is still <paramref name="expectedVersion"/>; false when it is not (or the template is unknown).
    /// </summary>
    /// <exception cref="ArgumentException">The template's version is not <paramref name="expectedVersion"/> + 1.</exception>
    Task<bool> ReplaceAsync(SurveyTemplate template, int expectedVersion, CancellationToken ct = default);

    /// <summary>Active templates whose trigger is <paramref name="eventType"/>.</summary>
    Task<IReadOnlyList<SurveyTemplate>> ListActiveByTriggerAsync(string eventType, CancellationToken ct = default);

    /// <summary>Active templates whose <c>cancelOn</c> lists <paramref name="eventType"/>.</summary>
    Task<IReadOnlyList<SurveyTemplate>> ListActiveCancelledByAsync(string eventType, CancellationToken ct = default);
}
