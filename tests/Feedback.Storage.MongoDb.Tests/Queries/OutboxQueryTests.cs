using Feedback.Core.Surveys;
using static Feedback.Storage.MongoDb.Queries.MongoOutboxQueries;

namespace Feedback.Storage.MongoDb.Tests.Queries;

public sealed class OutboxQueryTests
{
    private static readonly DateTimeOffset Now = Samples.Now;

    [Fact]
    public void DueMeansScheduledWithSendAtNotAfterNow()
    {
        Bson.AssertEqual("{ status: 'Scheduled', sendAt: { $lte: ISODate('2026-11-23T10:00:00.123Z') } }", Bson.Render(Due(Now)));
    }

    [Fact]
    public void LeaseExpiredMeansSendingWithLeaseUntilNotAfterNow()
    {
        Bson.AssertEqual("{ status: 'Sending', leaseUntil: { $lte: ISODate('2026-11-23T10:00:00.123Z') } }", Bson.Render(LeaseExpired(Now)));
    }

    [Fact]
    public void CandidatesAreTakenOldestSendAtFirst()
    {
        Bson.AssertEqual("{ sendAt: 1 }", Bson.Render(OldestSendAt()));
    }

    [Fact]
    public void ClaimRechecksThatEachCandidateIsStillClaimable()
    {
        Bson.AssertEqual("""
            { _id: { $in: ['srv_1', 'srv_2'] },
              $or: [{ status: 'Scheduled', sendAt: { $lte: ISODate('2026-11-23T10:00:00.123Z') } },
                    { status: 'Sending', leaseUntil: { $lte: ISODate('2026-11-23T10:00:00.123Z') } }] }
            """, Bson.Render(Claimable(["srv_1", "srv_2"], Now)));
    }

    [Fact]
    public void ClaimTakesTheLeaseAndStampsTheToken()
    {
        Bson.AssertEqual("""
            { $set: { status: 'Sending', leaseOwner: 'host:1', leaseUntil: ISODate('2026-11-23T10:05:00.123Z'), claimToken: 't-1' } }
            """, Bson.Render(Claim("host:1", Now.AddMinutes(5), "t-1")));
    }

    [Fact]
    public void ClaimReadsBackOnlyWhatCarriesItsToken()
    {
        Bson.AssertEqual("{ _id: { $in: ['srv_1'] }, claimToken: 't-1' }", Bson.Render(ClaimedWith(["srv_1"], "t-1")));
    }

    [Fact]
    public void OwnerUpdatesMatchOnlyWhileTheLeaseIsHeld()
    {
        Bson.AssertEqual("{ _id: 'srv_1', status: 'Sending', leaseOwner: 'host:1' }", Bson.Render(Owned("srv_1", "host:1")));
    }

    [Fact]
    public void MarkSentEndsTheLeaseCountsTheAttemptAndSchedulesTheReminder()
    {
        Bson.AssertEqual("""
            { $set: { status: 'Sent', sentAt: ISODate('2026-11-23T10:00:00.123Z'), expiresAt: ISODate('2026-12-07T10:00:00.123Z'),
                      reminderAt: ISODate('2026-11-25T10:00:00.123Z') },
              $unset: { failureReason: 1, leaseOwner: 1, leaseUntil: 1, claimToken: 1, sendAttemptedAt: 1 },
              $inc: { attempts: 1 } }
            """, Bson.Render(MarkSent(Now, Now.AddDays(2), Now.AddDays(14))));
    }

    [Fact]
    public void OwnedOfIdsMatchesOnlyTheCallersClaimsAmongTheBatch()
    {
        Bson.AssertEqual("{ _id: { $in: ['srv_1', 'srv_2'] }, status: 'Sending', leaseOwner: 'host:1' }",
            Bson.Render(OwnedOfIds(["srv_1", "srv_2"], "host:1")));
    }

    [Fact]
    public void ReleaseUnsentRestoresTheScheduledSurveyWithoutCountingAnAttempt()
    {
        Bson.AssertEqual("{ $set: { status: 'Scheduled' }, $unset: { leaseOwner: 1, leaseUntil: 1, claimToken: 1 } }",
            Bson.Render(ReleaseUnsent()));
    }

    [Fact]
    public void RecordAttemptStampsTheAttemptAndOnlyEverLengthensTheLease()
    {
        Bson.AssertEqual("""
            { $set: { sendAttemptedAt: ISODate('2026-11-23T10:00:00.123Z') }, $max: { leaseUntil: ISODate('2026-11-23T10:15:00.123Z') } }
            """, Bson.Render(RecordAttempt(Now, Now.AddMinutes(15))));
    }

    [Fact]
    public void InDoubtMatchesOnlyAnUnsentSurveyWithThatAttempt()
    {
        Bson.AssertEqual("""
            { _id: 'srv_1', status: { $in: ['Scheduled', 'Sending'] }, sendAttemptedAt: ISODate('2026-11-23T10:00:00.123Z') }
            """, Bson.Render(InDoubt("srv_1", Now)));
    }

    [Fact]
    public void MarkSentWithoutAReminderLeavesReminderAtUnset()
    {
        var update = Bson.Render(MarkSent(Now, null, Now.AddDays(14))).AsBsonDocument;

        Assert.DoesNotContain("reminderAt", update["$set"].AsBsonDocument.Names);
        Assert.Contains("reminderAt", update["$unset"].AsBsonDocument.Names);
    }

    [Fact]
    public void UndeliverableEndsTheLeaseWithStatusAndReason()
    {
        Bson.AssertEqual("""
            { $set: { status: 'Failed', failureReason: '550 mailbox unavailable' },
              $inc: { attempts: 1 }, $unset: { leaseOwner: 1, leaseUntil: 1, claimToken: 1, sendAttemptedAt: 1 } }
            """, Bson.Render(MarkUndeliverable(SurveyStatus.Failed, "550 mailbox unavailable")));
    }

    [Fact]
    public void ReleaseReschedulesAtTheRetryTime()
    {
        Bson.AssertEqual("""
            { $set: { status: 'Scheduled', sendAt: ISODate('2026-11-23T10:01:00.123Z'), failureReason: '429' },
              $inc: { attempts: 1 }, $unset: { leaseOwner: 1, leaseUntil: 1, claimToken: 1, sendAttemptedAt: 1 } }
            """, Bson.Render(Release(Now.AddMinutes(1), "429")));
    }

    [Fact]
    public void CancelUnsetsTheDedupeKeyAndOnlyMatchesScheduledSurveys()
    {
        Bson.AssertEqual("{ $set: { status: 'Cancelled', cancelledAt: ISODate('2026-11-23T10:00:00.123Z') }, $unset: { dedupeKey: 1 } }",
            Bson.Render(Cancel(Now)));
        Bson.AssertEqual("{ _id: 'srv_1', status: 'Scheduled' }", Bson.Render(Scheduled("srv_1")));
        Bson.AssertEqual("{ templateId: 'tpl_1', status: 'Scheduled' }", Bson.Render(ScheduledOfTemplate("tpl_1")));
        Bson.AssertEqual("{ _id: { $in: ['srv_1'] }, status: 'Scheduled' }", Bson.Render(ScheduledOfIds(["srv_1"])));
    }

    [Fact]
    public void SubjectCancellationNarrowsToTheGivenTemplatesOnlyWhenGiven()
    {
        Bson.AssertEqual("{ subjectId: 'ticket-42', status: 'Scheduled' }", Bson.Render(ScheduledOfSubject("ticket-42", null)));
        Bson.AssertEqual("{ subjectId: 'ticket-42', status: 'Scheduled', templateId: { $in: ['tpl_1', 'tpl_2'] } }",
            Bson.Render(ScheduledOfSubject("ticket-42", ["tpl_1", "tpl_2"])));
    }

    [Fact]
    public void ReminderIsTakenOnceOldestFirst()
    {
        Bson.AssertEqual("{ status: 'Sent', reminderSentAt: null, reminderAt: { $lte: ISODate('2026-11-23T10:00:00.123Z') } }",
            Bson.Render(ReminderDue(Now)));
        Bson.AssertEqual("{ reminderAt: 1 }", Bson.Render(OldestReminder()));
        Bson.AssertEqual("{ $set: { reminderSentAt: ISODate('2026-11-23T10:00:00.123Z') } }", Bson.Render(TakeReminder(Now)));
    }

    [Fact]
    public void ExpiryTurnsSentSurveysPastTheirExpiryIntoExpired()
    {
        Bson.AssertEqual("{ status: 'Sent', expiresAt: { $lte: ISODate('2026-11-23T10:00:00.123Z') } }", Bson.Render(Expirable(Now)));
        Bson.AssertEqual("{ $set: { status: 'Expired' } }", Bson.Render(Expire()));
    }
}
