using System.Collections.Concurrent;
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

    // Event types are chosen by the callers; past this many the cache starts over instead of growing.
    private const int MaxEventTypes = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _byEventType = new(StringComparer.Ordinal);
    private long _generation;

    public async Task<TemplatesForEvent> ForEventAsync(string eventType, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var generation = Interlocked.Read(ref _generation);
        if (_byEventType.TryGetValue(eventType, out var entry) && entry.Generation == generation && now - entry.ReadAt < Ttl)
        {
            return entry.Templates;
        }
        var read = new TemplatesForEvent(
            await templates.ListActiveByTriggerAsync(eventType, ct),
            await templates.ListActiveCancelledByAsync(eventType, ct));
        if (_byEventType.Count >= MaxEventTypes)
        {
            _byEventType.Clear();
        }
        // A read that raced a change carries the old generation and is never served.
        _byEventType[eventType] = new Entry(read, now, generation);
        return read;
    }

    /// <summary>Drops what is kept; call after any template write through this replica.</summary>
    public void Changed()
    {
        Interlocked.Increment(ref _generation);
        _byEventType.Clear();
    }

    private sealed record Entry(TemplatesForEvent Templates, DateTimeOffset ReadAt, long Generation);
}
