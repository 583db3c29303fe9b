namespace Feedback.Core.Surveys;

/// <summary>Something that happened in another service (<c>ticket.resolved</c>); <see cref="Id"/> is the idempotency key.</summary>
public sealed record FeedbackEvent(
    string Id,
    string Type,
    DateTimeOffset OccurredAt,
    string SubjectId,
    Customer Customer,
    IReadOnlyDictionary<string, string> Properties);

public enum SkipReason { QuietPeriod, SampledOut, Suppressed, Duplicate }

public sealed record ScheduledSurvey(string Id, string TemplateId, SurveyStatus Status, DateTimeOffset SendAt);

public sealed record SkippedTemplate(string TemplateId, SkipReason Reason);

/// <summary>What an event did; stored with the event so a repeated id gets the same answer.</summary>
public sealed record EventOutcome(string EventId, IReadOnlyList<ScheduledSurvey> Surveys, IReadOnlyList<SkippedTemplate> Skipped, IReadOnlyList<string> Cancelled);
