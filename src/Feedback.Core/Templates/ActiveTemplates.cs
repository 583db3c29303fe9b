using Feedback.Core.Common;
using Feedback.Core.Storage;

namespace Feedback.Core.Templates;

/// <summary>The active templates an event type triggers and those it cancels (<c>cancelOn</c>), read together.</summary>
public sealed record TemplatesForEvent(IReadOnlyList<SurveyTemplate> Triggered, IReadOnlyList<SurveyTemplate> Cancelling);

/// <summary>
/// The active templates per event type, as the scheduler needs them for every event, kept in this process for
/// <see cref="Ttl"/>. Staleness bound: a template created, replaced or archived through this replica
/// (<see cref="TemplateService"/> calls <see cref="Changed"/>) is seen at once; one changed through another replica
/// is seen here within <see cref="Ttl"/>.
/// </summary>
public sealed class ActiveTemplates(ITemplateStore templates, TimeProvider time)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(5);

    // Event types are chosen by the callers: the cache is bounded.
    private readonly ExpiringCache<TemplatesForEvent> _byEventType = new(Ttl, maxEntries: 10_000, time);

    public async Task<TemplatesForEvent> ForEventAsync(string eventType, CancellationToken ct = default) =>
        (await _byEventType.GetOrReadAsync(eventType, (templates, eventType), static async (s, ct) => new TemplatesForEvent(
            await s.templates.ListActiveByTriggerAsync(s.eventType, ct),
            await s.templates.ListActiveCancelledByAsync(s.eventType, ct)), ct))!;

    /// <summary>Drops what is kept; call after any template write through this replica.</summary>
    public void Changed() => _byEventType.Clear();
}
