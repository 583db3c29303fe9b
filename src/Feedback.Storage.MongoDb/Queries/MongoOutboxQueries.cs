using Feedback.Core.Surveys;
using Feedback.Storage.MongoDb.Documents;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb.Queries;

/// <summary>
/// The outbox side of <c>surveys</c>: claims with a lease, the owner's updates, cancellation, reminders and expiry.
/// Every filter repeats the state it expects, so each single-document update is its own compare-and-set.
/// </summary>
internal static class MongoOutboxQueries
{
    private static FilterDefinitionBuilder<SurveyDocument> Filter => Builders<SurveyDocument>.Filter;
    private static UpdateDefinitionBuilder<SurveyDocument> Update => Builders<SurveyDocument>.Update;

    public static FilterDefinition<SurveyDocument> Due(DateTimeOffset now) =>
        Filter.Eq(s => s.Status, SurveyStatus.Scheduled) & Filter.Lte(s => s.SendAt, now);

    public static FilterDefinition<SurveyDocument> LeaseExpired(DateTimeOffset now) =>
        Filter.Eq(s => s.Status, SurveyStatus.Sending) & Filter.Lte(s => s.LeaseUntil, now);

    public static SortDefinition<SurveyDocument> OldestSendAt() => Builders<SurveyDocument>.Sort.Ascending(s => s.SendAt);

    /// <summary>Only what choosing candidates needs, so a large batch costs little to find.</summary>
    public static ProjectionDefinition<SurveyDocument, ClaimCandidate> Candidate() =>
        Builders<SurveyDocument>.Projection.Expression(s => new ClaimCandidate(s.Id, s.SendAt));

    /// <summary>The candidates that are still claimable when the claim runs; one another replica took in between no longer match.</summary>
    public static FilterDefinition<SurveyDocument> Claimable(IEnumerable<string> ids, DateTimeOffset now) =>
        Filter.In(s => s.Id, ids) & (Due(now) | LeaseExpired(now));

    public static UpdateDefinition<SurveyDocument> Claim(string owner, DateTimeOffset leaseUntil, string claimToken) => Update
        .Set(s => s.Status, SurveyStatus.Sending)
        .Set(s => s.LeaseOwner, owner)
        .Set(s => s.LeaseUntil, leaseUntil)
        .Set(s => s.ClaimToken, claimToken);

    public static FilterDefinition<SurveyDocument> ClaimedWith(IEnumerable<string> ids, string claimToken) =>
        Filter.In(s => s.Id, ids) & Filter.Eq(s => s.ClaimToken, claimToken);

    public static FilterDefinition<SurveyDocument> Owned(string id, string owner) =>
        Filter.Eq(s => s.Id, id) & Filter.Eq(s => s.Status, SurveyStatus.Sending) & Filter.Eq(s => s.LeaseOwner, owner);

    public static FilterDefinition<SurveyDocument> OwnedOfIds(IEnumerable<string> ids, string owner) =>
        Filter.In(s => s.Id, ids) & Filter.Eq(s => s.Status, SurveyStatus.Sending) & Filter.Eq(s => s.LeaseOwner, owner);

    /// <summary>Back to <c>scheduled</c> as before the claim: same <c>sendAt</c> and attempts, since nothing was tried.</summary>
    public static UpdateDefinition<SurveyDocument> ReleaseUnsent() => Update
        .Set(s => s.Status, SurveyStatus.Scheduled)
        .Unset(s => s.LeaseOwner)
        .Unset(s => s.LeaseUntil)
        .Unset(s => s.ClaimToken);

    /// <summary>The lease only grows: a confirm window shorter than what is left of it leaves it as it is.</summary>
    public static UpdateDefinition<SurveyDocument> RecordAttempt(DateTimeOffset attemptedAt, DateTimeOffset confirmUntil) => Update
        .Set(s => s.SendAttemptedAt, attemptedAt)
        .Max(s => s.LeaseUntil, confirmUntil);

    public static FilterDefinition<SurveyDocument> InDoubt(string id, DateTimeOffset attemptedAt) =>
        Filter.Eq(s => s.Id, id) & Filter.In(s => s.Status, SurveyStatuses.Pending)
        & Filter.Eq(s => s.SendAttemptedAt, attemptedAt);

    public static UpdateDefinition<SurveyDocument> MarkSent(DateTimeOffset sentAt, DateTimeOffset? reminderAt, DateTimeOffset expiresAt)
    {
        var update = Update
            .Set(s => s.Status, SurveyStatus.Sent)
            .Set(s => s.SentAt, sentAt)
            .Set(s => s.ExpiresAt, expiresAt)
            .Unset(s => s.FailureReason);
        return EndLease(reminderAt is { } at ? update.Set(s => s.ReminderAt, at) : update.Unset(s => s.ReminderAt));
    }

    public static UpdateDefinition<SurveyDocument> MarkUndeliverable(SurveyStatus status, string reason) => EndLease(Update
        .Set(s => s.Status, status)
        .Set(s => s.FailureReason, reason));

    public static UpdateDefinition<SurveyDocument> Release(DateTimeOffset retryAt, string reason) => EndLease(Update
        .Set(s => s.Status, SurveyStatus.Scheduled)
        .Set(s => s.SendAt, retryAt)
        .Set(s => s.FailureReason, reason));

    private static UpdateDefinition<SurveyDocument> EndLease(UpdateDefinition<SurveyDocument> update) => update
        .Inc(s => s.Attempts, 1)
        .Unset(s => s.LeaseOwner)
        .Unset(s => s.LeaseUntil)
        .Unset(s => s.ClaimToken)
        .Unset(s => s.SendAttemptedAt);

    public static FilterDefinition<SurveyDocument> Scheduled(string id) => Filter.Eq(s => s.Id, id) & Filter.Eq(s => s.Status, SurveyStatus.Scheduled);

    public static FilterDefinition<SurveyDocument> ScheduledOfIds(IEnumerable<string> ids) =>
        Filter.In(s => s.Id, ids) & Filter.Eq(s => s.Status, SurveyStatus.Scheduled);

    public static FilterDefinition<SurveyDocument> ScheduledOfSubject(string subjectId, IReadOnlyCollection<string>? templateIds) =>
        Filter.Eq(s => s.SubjectId, subjectId) & Filter.Eq(s => s.Status, SurveyStatus.Scheduled)
        & (templateIds is null ? Filter.Empty : Filter.In(s => s.TemplateId, templateIds));

    public static FilterDefinition<SurveyDocument> ScheduledOfTemplate(string templateId) =>
        Filter.Eq(s => s.TemplateId, templateId) & Filter.Eq(s => s.Status, SurveyStatus.Scheduled);

    /// <summary>Unsetting the dedupe key takes the survey out of the unique partial index, so the same survey can be scheduled again.</summary>
    public static UpdateDefinition<SurveyDocument> Cancel(DateTimeOffset at) => Update
        .Set(s => s.Status, SurveyStatus.Cancelled)
        .Set(s => s.CancelledAt, at)
        .Unset(s => s.DedupeKey);

    public static FilterDefinition<SurveyDocument> ReminderDue(DateTimeOffset now) =>
        Filter.Eq(s => s.Status, SurveyStatus.Sent) & Filter.Eq(s => s.ReminderSentAt, null) & Filter.Lte(s => s.ReminderAt, now);

    public static SortDefinition<SurveyDocument> OldestReminder() => Builders<SurveyDocument>.Sort.Ascending(s => s.ReminderAt);

    public static UpdateDefinition<SurveyDocument> TakeReminder(DateTimeOffset now) => Update.Set(s => s.ReminderSentAt, now);

    public static FilterDefinition<SurveyDocument> Expirable(DateTimeOffset now) =>
        Filter.Eq(s => s.Status, SurveyStatus.Sent) & Filter.Lte(s => s.ExpiresAt, now);

    public static UpdateDefinition<SurveyDocument> Expire() => Update.Set(s => s.Status, SurveyStatus.Expired);
}

internal sealed record ClaimCandidate(string Id, DateTimeOffset SendAt);
