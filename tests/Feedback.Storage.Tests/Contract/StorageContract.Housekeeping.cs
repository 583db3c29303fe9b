using Feedback.Core.Surveys;

namespace Feedback.Storage.Tests.Contract;

// ISurveyStore: delivery reports from the mail provider, retention of ended surveys, and the outbox depth.
public abstract partial class StorageContract
{
    [Fact]
    public async Task StampKeepsTheFirstDeliveryAndOpenReports()
    {
        var now = Time.GetUtcNow();
        var survey = SampleSentSurvey(now, now.AddDays(2), now.AddDays(14));
        await AddSurveysAsync(survey);
        var delivered = now.AddSeconds(3).AddMilliseconds(120);
        var opened = now.AddMinutes(7).AddMilliseconds(9);

        await Surveys.StampAsync(survey.Id, delivered, null);
        var afterDelivery = await Surveys.GetAsync(survey.Id);
        await Surveys.StampAsync(survey.Id, delivered.AddSeconds(1), opened);
        await Surveys.StampAsync(survey.Id, null, opened.AddMinutes(1));
        await Surveys.StampAsync(survey.Id, delivered.AddMinutes(5), opened.AddMinutes(5));

        AssertSameSurvey(survey with { DeliveredAt = delivered }, afterDelivery);
        AssertSameSurvey(survey with { DeliveredAt = delivered, OpenedAt = opened }, await Surveys.GetAsync(survey.Id));
    }

    [Fact]
    public async Task StampOfAnUnknownSurveyStoresNothing()
    {
        var now = Time.GetUtcNow();

        await Surveys.StampAsync("srv_unknown", now, now.AddMinutes(1));

        Assert.Null(await Surveys.GetAsync("srv_unknown"));
        Assert.Empty((await Surveys.ListAsync(new())).Items);
    }

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
