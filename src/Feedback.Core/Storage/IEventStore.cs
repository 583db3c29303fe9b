using Feedback.Core.Surveys;

namespace Feedback.Core.Storage;

/// <summary>An event as the scheduler planned it: its outcome and the new surveys that outcome lists.</summary>
public sealed record PlannedEvent(FeedbackEvent Event, EventOutcome Outcome, IReadOnlyList<Survey> Surveys);

/// <summary>Ingested events and what they did, so a repeated event id gets the first answer.</summary>
public interface IEventStore
{
    /// <summary>The stored outcome of an event id, or null when the id is new.</summary>
    Task<EventOutcome?> GetOutcomeAsync(string eventId, CancellationToken ct = default);

    /// <summary>The stored outcomes of those of <paramref name="eventIds"/> that are known, by event id (one read for a batch).</summary>
    Task<IReadOnlyDictionary<string, EventOutcome>> GetOutcomesAsync(IReadOnlyCollection<string> eventIds, CancellationToken ct = default);

    /// <summary>
    /// Durably stores the event, its outcome and its new surveys in one atomic step. When the event id is already
    /// stored (a concurrent duplicate), nothing is written and the stored outcome is returned instead.
    /// Surveys whose dedupe key is taken are left out and reported as <see cref="SkipReason.Duplicate"/> in the returned outcome.
    /// </summary>
    Task<EventOutcome> RecordAsync(FeedbackEvent feedbackEvent, EventOutcome outcome, IReadOnlyList<Survey> surveys, DateTimeOffset receivedAt, CancellationToken ct = default);

    /// <summary>
    /// Durably stores many planned events in one atomic step (one transaction, or one bulk write per collection), each
    /// exactly as <see cref="RecordAsync"/> would: an event id already stored writes nothing of that event and returns
    /// the stored outcome; surveys whose dedupe key is taken are left out as <see cref="SkipReason.Duplicate"/>. The
    /// planned events' ids must be distinct. Outcomes come back in the order of <paramref name="planned"/>.
    /// </summary>
    Task<IReadOnlyList<EventOutcome>> RecordManyAsync(IReadOnlyList<PlannedEvent> planned, DateTimeOffset receivedAt, CancellationToken ct = default);

    /// <summary>Forgets events received before <paramref name="before"/> (their ids may then be reused); returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset before, CancellationToken ct = default);
}
