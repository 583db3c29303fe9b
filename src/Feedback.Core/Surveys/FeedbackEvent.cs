using Feedback.Core.Templates;

namespace Feedback.Core.Surveys;

/// <summary>Something that happened in another service (<c>ticket.resolved</c>); <see cref="Id"/> is the idempotency key.</summary>
public sealed record FeedbackEvent(
    string Id,
    string Type,
    DateTimeOffset OccurredAt,
    string SubjectId,
    Customer Customer,
    IReadOnlyDictionary<string, string> Properties);

/// <summary>Why a matching template made no survey; <see cref="NoEmail"/>: it goes by e-mail and the customer has no address.</summary>
public enum SkipReason { QuietPeriod, SampledOut, Suppressed, Duplicate, NoEmail }

/// <summary>A survey an event made. <see cref="Link"/> is kept for a link survey only, whose caller shows its answer links.</summary>
public sealed record ScheduledSurvey(string Id, string TemplateId, SurveyStatus Status, DateTimeOffset SendAt, SurveyLink? Link = null)
{
    public static ScheduledSurvey From(Survey s) =>
        new(s.Id, s.TemplateId, s.Status, s.SendAt, s.Delivery == SurveyDelivery.Link ? new SurveyLink(s.Token, s.Kind) : null);
}

/// <summary>What the answer links of a link survey are made of: its token and the kind, whose scale the score links span.</summary>
public sealed record SurveyLink(string Token, SurveyKind Kind);

public sealed record SkippedTemplate(string TemplateId, SkipReason Reason);

/// <summary>What an event did; stored with the event so a repeated id gets the same answer.</summary>
public sealed record EventOutcome(string EventId, IReadOnlyList<ScheduledSurvey> Surveys, IReadOnlyList<SkippedTemplate> Skipped, IReadOnlyList<string> Cancelled);
