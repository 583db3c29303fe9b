using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Storage.MongoDb.Documents;

/// <summary>
/// A survey (collection <c>surveys</c>): the queried, mutable state (status, lease, times) in top-level fields, the
/// immutable rest (customer details, locale, properties) beside it. <see cref="DedupeKey"/> is absent once cancelled,
/// so the unique partial index on it only covers live surveys.
/// </summary>
internal sealed class SurveyDocument
{
    public required string Id { get; init; }
    public required string TemplateId { get; init; }
    public required int TemplateVersion { get; init; }
    public required SurveyKind Kind { get; init; }
    public string? EventId { get; init; }
    public required string SubjectId { get; init; }
    public required string CustomerId { get; init; }
    public required CustomerDocument Customer { get; init; }
    /// <summary>Absent in documents written before link surveys: they read as e-mail.</summary>
    public SurveyDelivery Delivery { get; init; } = SurveyDelivery.Email;
    public required string Locale { get; init; }
    /// <summary>Name/value pairs rather than a sub-document: property names may contain '.', which queries cannot address.</summary>
    public List<PropertyDocument> Properties { get; init; } = [];
    public required SurveyStatus Status { get; init; }
    public required DateTimeOffset SendAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string Token { get; init; }
    public int Attempts { get; init; }
    public string? LeaseOwner { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }
    /// <summary>Set by the claim that took the survey, so that claim can read back exactly what it took.</summary>
    public string? ClaimToken { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public DateTimeOffset? ReminderAt { get; init; }
    public DateTimeOffset? ReminderSentAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public DateTimeOffset? OpenedAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }
    public string? FailureReason { get; init; }
    public string? DedupeKey { get; init; }
    public DateTimeOffset? SendAttemptedAt { get; init; }

    public static SurveyDocument From(Survey s) => new()
    {
        Id = s.Id,
        TemplateId = s.TemplateId,
        TemplateVersion = s.TemplateVersion,
        Kind = s.Kind,
        EventId = s.EventId,
        SubjectId = s.SubjectId,
        CustomerId = s.Customer.Id,
        Customer = new CustomerDocument { Email = s.Customer.Email, Name = s.Customer.Name, Locale = s.Customer.Locale, TimeZone = s.Customer.TimeZone },
        Delivery = s.Delivery,
        Locale = s.Locale,
        Properties = [.. s.Properties.Select(p => new PropertyDocument { K = p.Key, V = p.Value })],
        Status = s.Status,
        SendAt = s.SendAt,
        CreatedAt = s.CreatedAt,
        Token = s.Token,
        Attempts = s.Attempts,
        LeaseOwner = s.LeaseOwner,
        LeaseUntil = s.LeaseUntil,
        SentAt = s.SentAt,
        ReminderAt = s.ReminderAt,
        ReminderSentAt = s.ReminderSentAt,
        ExpiresAt = s.ExpiresAt,
        DeliveredAt = s.DeliveredAt,
        OpenedAt = s.OpenedAt,
        AnsweredAt = s.AnsweredAt,
        CancelledAt = s.CancelledAt,
        FailureReason = s.FailureReason,
        DedupeKey = s.DedupeKey,
        SendAttemptedAt = s.SendAttemptedAt,
    };

    public Survey ToSurvey() => new()
    {
        Id = Id,
        TemplateId = TemplateId,
        TemplateVersion = TemplateVersion,
        Kind = Kind,
        EventId = EventId,
        SubjectId = SubjectId,
        Customer = new Customer(CustomerId, Customer.Email, Customer.Name, Customer.Locale, Customer.TimeZone),
        Delivery = Delivery,
        Locale = Locale,
        Properties = Properties.ToDictionary(p => p.K, p => p.V, StringComparer.Ordinal),
        Status = Status,
        SendAt = SendAt,
        CreatedAt = CreatedAt,
        Token = Token,
        Attempts = Attempts,
        LeaseOwner = LeaseOwner,
        LeaseUntil = LeaseUntil,
        SentAt = SentAt,
        ReminderAt = ReminderAt,
        ReminderSentAt = ReminderSentAt,
        ExpiresAt = ExpiresAt,
        DeliveredAt = DeliveredAt,
        OpenedAt = OpenedAt,
        AnsweredAt = AnsweredAt,
        CancelledAt = CancelledAt,
        FailureReason = FailureReason,
        SendAttemptedAt = SendAttemptedAt,
    };
}

/// <summary>The customer's details other than the id, which is the top-level <c>customerId</c> (indexed, and the erasure key).</summary>
internal sealed class CustomerDocument
{
    /// <summary>Null for a link survey's customer without an address.</summary>
    public string? Email { get; init; }
    public string? Name { get; init; }
    public string? Locale { get; init; }
    public string? TimeZone { get; init; }
}

/// <summary><c>k</c>/<c>v</c> so <c>$arrayToObject</c> can turn the list back into an object in a pipeline.</summary>
internal sealed class PropertyDocument
{
    public required string K { get; init; }
    public required string V { get; init; }
}
