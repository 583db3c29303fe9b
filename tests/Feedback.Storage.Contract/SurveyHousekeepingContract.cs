using Feedback.Core.Surveys;

namespace Feedback.Storage.Contract;

// ISurveyHousekeepingStore: retention of ended surveys, and the outbox depth.
public abstract partial class SurveyHousekeepingContract<TAdapter> : StorageContract<TAdapter> where TAdapter : StorageUnderTest, new()
{
    [Fact]
    public async Task PurgeDeletesOnlyEndedUnansweredSurveysCreatedBeforeTheCut()
    {
        var cut = Time.GetUtcNow().AddDays(-90);
        var old = cut.AddDays(-1);
        var sentAt = old.AddHours(1);
        var cancelled = SampleSurvey() with { Status = SurveyStatus.Cancelled, CancelledAt = sentAt, CreatedAt = old };
        var expired = SampleSentSurvey(sentAt, null, sentAt.AddDays(14)) with { Status = SurveyStatus.Expired, CreatedAt = old };
        var suppressed = SampleSurvey() with { Status = SurveyStatus.Suppressed, FailureReason = "bounced", CreatedAt = old };
        var failed = SampleSurvey("tpl_a", "ticket-1", "cus_1") with { Status = SurveyStatus.Failed, FailureReason = "rejected", CreatedAt = old };
        var answered = SampleSentSurvey(sentAt, null, sentAt.AddDays(14)) with { Status = SurveyStatus.Answered, AnsweredAt = sentAt, CreatedAt = old };
        var sent = SampleSentSurvey(sentAt, null, sentAt.AddDays(14)) with { CreatedAt = old };
        var scheduled = SampleSurvey() with { CreatedAt = old };
        var sending = SampleSurvey() with { Status = SurveyStatus.Sending, LeaseOwner = "worker-a", LeaseUntil = cut, CreatedAt = old };
        var expiredAtTheCut = SampleSurvey() with { Status = SurveyStatus.Expired, CreatedAt = cut };
        var failedLater = SampleSurvey() with { Status = SurveyStatus.Failed, FailureReason = "rejected", CreatedAt = cut.AddDays(1) };
        await AddSurveysAsync(cancelled, expired, suppressed, failed, answered, sent, scheduled, sending, expiredAtTheCut, failedLater);
        Assert.False(await Surveys.TryAddAsync(SampleSurvey("tpl_a", "ticket-1", "cus_1")));

        var purged = await Housekeeping.PurgeAsync(cut);

        Assert.Equal(4, purged);
        foreach (var gone in new[] { cancelled, expired, suppressed, failed })
        {
            Assert.Null(await Surveys.GetAsync(gone.Id));
        }
        foreach (var kept in new[] { answered, sent, scheduled, sending, expiredAtTheCut, failedLater })
        {
            AssertSameSurvey(kept, await Surveys.GetAsync(kept.Id));
        }
        // The failed survey held its dedupe key until it was purged.
        Assert.True(await Surveys.TryAddAsync(SampleSurvey("tpl_a", "ticket-1", "cus_1")));
        Assert.Equal(0, await Housekeeping.PurgeAsync(cut));
    }

    [Fact]
    public async Task CountPendingCountsScheduledAndSendingSurveys()
    {
        var now = Time.GetUtcNow();
        Assert.Equal(0L, await Housekeeping.CountPendingAsync());
        var scheduled = SampleSurvey();
        var due = SampleSurvey(sendAt: now.AddMinutes(-1));
        await AddSurveysAsync(
            scheduled,
            due,
            SampleSentSurvey(now.AddHours(-1), null, now.AddDays(14)),
            SampleSentSurvey(now.AddHours(-1), null, now.AddDays(14)) with { Status = SurveyStatus.Answered },
            SampleSurvey() with { Status = SurveyStatus.Cancelled, CancelledAt = now },
            SampleSurvey() with { Status = SurveyStatus.Expired },
            SampleSurvey() with { Status = SurveyStatus.Suppressed },
            SampleSurvey() with { Status = SurveyStatus.Failed });
        Assert.Equal(2L, await Housekeeping.CountPendingAsync());

        Assert.Single(await Outbox.ClaimDueAsync(now, "worker-a", Lease, limit: 10));
        var afterClaim = await Housekeeping.CountPendingAsync();
        Assert.True(await Surveys.CancelAsync(scheduled.Id, now));
        var afterCancel = await Housekeeping.CountPendingAsync();

        Assert.Equal(2L, afterClaim);
        Assert.Equal(1L, afterCancel);
    }
}
