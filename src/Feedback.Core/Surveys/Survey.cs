using Feedback.Core.Templates;

namespace Feedback.Core.Surveys;

/// <summary>
/// One survey for one customer: an outbox row until it is sent (<see cref="SendAt"/>, lease), then the record
/// the answer page and reminders work from. <see cref="Token"/> authorises the customer pages.
/// </summary>
public sealed record Survey
{
    public required string Id { get; init; }
    public required string TemplateId { get; init; }
    public required int TemplateVersion { get; init; }
    public required SurveyKind Kind { get; init; }
    public string? EventId { get; init; }
    public required string SubjectId { get; init; }
    public required Customer Customer { get; init; }
    /// <summary>E-mail (through the outbox) or link (sent at once, no e-mail, no reminder).</summary>
    public SurveyDelivery Delivery { get; init; } = SurveyDelivery.Email;
    /// <summary>The content locale chosen for the customer (after fallback).</summary>
    public required string Locale { get; init; }
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
    public required SurveyStatus Status { get; init; }
    public required DateTimeOffset SendAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string Token { get; init; }
    public int Attempts { get; init; }
    public string? LeaseOwner { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public DateTimeOffset? ReminderAt { get; init; }
    public DateTimeOffset? ReminderSentAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public DateTimeOffset? OpenedAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }
    public string? FailureReason { get; init; }
    /// <summary>When a provider request carrying this survey was started and has no recorded outcome yet (in doubt after a crash).</summary>
    public DateTimeOffset? SendAttemptedAt { get; init; }

    /// <summary>Scheduled and not yet claimed: can still be cancelled.</summary>
    public bool IsPending => Status == SurveyStatus.Scheduled;

    /// <summary>Key that makes a second live survey of the same template, subject and customer impossible; null once cancelled.</summary>
    public string? DedupeKey => Status == SurveyStatus.Cancelled ? null : $"{TemplateId}|{SubjectId}|{Customer.Id}";
}
