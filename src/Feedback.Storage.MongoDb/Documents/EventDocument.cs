using Feedback.Core.Surveys;
using Feedback.Core.Templates;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace Feedback.Storage.MongoDb.Documents;

/// <summary>
/// An ingested event (collection <c>events</c>), keyed by its idempotency id. While it is being recorded it holds
/// <see cref="Pending"/>, the full intent (planned outcome and surveys), so a retry or a concurrent duplicate can
/// finish the work; once recorded it holds <see cref="Outcome"/> and no longer <see cref="Pending"/>.
/// </summary>
internal sealed class EventDocument
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public EventOutcomeDocument? Outcome { get; init; }
    public PendingEventDocument? Pending { get; init; }
}

internal sealed class PendingEventDocument
{
    public required EventOutcomeDocument Outcome { get; init; }
    public List<SurveyDocument> Surveys { get; init; } = [];
}

/// <summary>The answer given for the event; its id is the event's <c>_id</c>, so it is not stored again.</summary>
internal sealed class EventOutcomeDocument
{
    public List<ScheduledSurveyDocument> Surveys { get; init; } = [];
    public List<SkippedTemplateDocument> Skipped { get; init; } = [];
    public List<string> Cancelled { get; init; } = [];

    public static EventOutcomeDocument From(EventOutcome o) => new()
    {
        Surveys = [.. o.Surveys.Select(s => new ScheduledSurveyDocument { SurveyId = s.Id, TemplateId = s.TemplateId, Status = s.Status, SendAt = s.SendAt, Token = s.Link?.Token, Kind = s.Link?.Kind })],
        Skipped = [.. o.Skipped.Select(s => new SkippedTemplateDocument { TemplateId = s.TemplateId, Reason = s.Reason })],
        Cancelled = [.. o.Cancelled],
    };

    /// <summary>
    /// This outcome as a later read returns it (times cut to the millisecond), so the first answer to an event
    /// and every replay of it are equal.
    /// </summary>
    public EventOutcomeDocument AsStored() => BsonSerializer.Deserialize<EventOutcomeDocument>(this.ToBsonDocument());

    public EventOutcome ToOutcome(string eventId) => new(
        eventId,
        Surveys.Select(s => new ScheduledSurvey(s.SurveyId, s.TemplateId, s.Status, s.SendAt,
            s.Token is { } token && s.Kind is { } kind ? new SurveyLink(token, kind) : null)).ToList(),
        Skipped.Select(s => new SkippedTemplate(s.TemplateId, s.Reason)).ToList(),
        Cancelled);
}

internal sealed class ScheduledSurveyDocument
{
    public required string SurveyId { get; init; }
    public required string TemplateId { get; init; }
    public required SurveyStatus Status { get; init; }
    public required DateTimeOffset SendAt { get; init; }
    /// <summary>A link survey's token and kind, so a replayed event answers with the same links; null for e-mail surveys.</summary>
    public string? Token { get; init; }
    public SurveyKind? Kind { get; init; }
}

internal sealed class SkippedTemplateDocument
{
    public required string TemplateId { get; init; }
    public required SkipReason Reason { get; init; }
}
