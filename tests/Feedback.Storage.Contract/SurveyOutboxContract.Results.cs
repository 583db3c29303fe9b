using Feedback.Core.Surveys;

namespace Feedback.Storage.Contract;

// ISurveyOutbox: only the current lease owner settles a claimed survey, as sent, undeliverable or to retry.
public abstract partial class SurveyOutboxContract<TAdapter>
{
    [Fact]
    public async Task MarkSentByTheOwnerRecordsTheSendAndEndsTheLease()
    {
        var now = Time.GetUtcNow();
        var survey = await AddClaimedAsync(now, "worker-a");
        var sentAt = now.AddSeconds(2).AddMilliseconds(345);

        var marked = await Outbox.MarkSentAsync([survey.Id], "worker-a", sentAt, sentAt.AddDays(2), sentAt.AddDays(14));

        Assert.Equal(1, marked);
        AssertSameSurvey(
            survey with
            {
                Status = SurveyStatus.Sent,
                SentAt = sentAt,
                ReminderAt = sentAt.AddDays(2),
                ExpiresAt = sentAt.AddDays(14),
                Attempts = survey.Attempts + 1,
            },
            await Surveys.GetAsync(survey.Id));
        Assert.Empty(await Outbox.ClaimDueAsync(now + Lease, "worker-b", Lease, limit: 10));
    }

    [Fact]
    public async Task MarkSentByAnotherOwnerChangesNothing()
    {
        var now = Time.GetUtcNow();
        var survey = await AddClaimedAsync(now, "worker-a");
        var unclaimed = SampleSurvey();
        await AddSurveysAsync(unclaimed);

        Assert.Equal(0, await Outbox.MarkSentAsync([survey.Id], "worker-b", now, null, now.AddDays(14)));
        Assert.Equal(0, await Outbox.MarkSentAsync([unclaimed.Id, "srv_unknown"], "worker-a", now, null, now.AddDays(14)));

        AssertSameSurvey(Claimed(survey, "worker-a", now + Lease), await Surveys.GetAsync(survey.Id));
        AssertSameSurvey(unclaimed, await Surveys.GetAsync(unclaimed.Id));
    }

    [Fact]
    public async Task MarkSentAfterTheLeaseWasTakenOverChangesNothing()
    {
        var now = Time.GetUtcNow();
        var survey = await AddClaimedAsync(now, "worker-a");
        var later = now + Lease;
        Assert.Single(await Outbox.ClaimDueAsync(later, "worker-b", Lease, limit: 10));

        var lateSend = await Outbox.MarkSentAsync([survey.Id], "worker-a", later, null, later.AddDays(14));
        var afterLateSend = await Surveys.GetAsync(survey.Id);
        var newOwnersSend = await Outbox.MarkSentAsync([survey.Id], "worker-b", later.AddSeconds(1), null, later.AddDays(14));

        Assert.Equal(0, lateSend);
        AssertSameSurvey(Claimed(survey, "worker-b", later + Lease), afterLateSend);
        Assert.Equal(1, newOwnersSend);
        Assert.Equal(later.AddSeconds(1), (await Surveys.GetAsync(survey.Id))?.SentAt);
    }

    [Theory]
    [InlineData(SurveyStatus.Failed)]
    [InlineData(SurveyStatus.Suppressed)]
    public async Task MarkUndeliverableByTheOwnerEndsTheSurveyWithItsReason(SurveyStatus status)
    {
        var now = Time.GetUtcNow();
        var survey = await AddClaimedAsync(now, "worker-a");

        Assert.False(await Outbox.MarkUndeliverableAsync(survey.Id, "worker-b", status, "not the owner"));
        Assert.True(await Outbox.MarkUndeliverableAsync(survey.Id, "worker-a", status, "550 5.1.1 mailbox unavailable"));

        AssertSameSurvey(
            survey with { Status = status, FailureReason = "550 5.1.1 mailbox unavailable", Attempts = survey.Attempts + 1 },
            await Surveys.GetAsync(survey.Id));
        Assert.Empty(await Outbox.ClaimDueAsync(now + Lease, "worker-b", Lease, limit: 10));
    }

    [Theory]
    [InlineData(SurveyStatus.Scheduled)]
    [InlineData(SurveyStatus.Sending)]
    [InlineData(SurveyStatus.Sent)]
    [InlineData(SurveyStatus.Answered)]
    [InlineData(SurveyStatus.Cancelled)]
    [InlineData(SurveyStatus.Expired)]
    public async Task MarkUndeliverableRejectsAStatusOtherThanFailedOrSuppressed(SurveyStatus status)
    {
        var now = Time.GetUtcNow();
        var survey = await AddClaimedAsync(now, "worker-a");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Outbox.MarkUndeliverableAsync(survey.Id, "worker-a", status, "why not"));

        AssertSameSurvey(Claimed(survey, "worker-a", now + Lease), await Surveys.GetAsync(survey.Id));
    }

    [Fact]
    public async Task ReleaseReschedulesTheSurveyForItsRetryTime()
    {
        var now = Time.GetUtcNow();
        var survey = await AddClaimedAsync(now, "worker-a");
        var retryAt = now.AddMinutes(2).AddMilliseconds(500);

        Assert.False(await Outbox.ReleaseAsync(survey.Id, "worker-b", retryAt, "not the owner"));
        Assert.True(await Outbox.ReleaseAsync(survey.Id, "worker-a", retryAt, "429 too many requests"));

        var released = survey with { SendAt = retryAt, FailureReason = "429 too many requests", Attempts = survey.Attempts + 1 };
        AssertSameSurvey(released, await Surveys.GetAsync(survey.Id));
        Assert.True((await Surveys.GetAsync(survey.Id))!.IsPending);
        Assert.Empty(await Outbox.ClaimDueAsync(retryAt.AddMilliseconds(-1), "worker-b", Lease, limit: 10));
        AssertSameSurvey(Claimed(released, "worker-b", retryAt + Lease), Assert.Single(await Outbox.ClaimDueAsync(retryAt, "worker-b", Lease, limit: 10)));
    }

    [Fact]
    public async Task MarkSentMarksTheWholeBatchInOneCallAndSkipsWhatTheCallerDoesNotOwn()
    {
        var now = Time.GetUtcNow();
        var batch = Enumerable.Range(0, 3).Select(_ => SampleSurvey(sendAt: now.AddMinutes(-1))).ToList();
        await AddSurveysAsync([.. batch]);
        Assert.Equal(3, (await Outbox.ClaimDueAsync(now, "worker-a", Lease, limit: 10)).Count);
        var other = await AddClaimedAsync(now, "worker-b");

        var marked = await Outbox.MarkSentAsync([.. batch.Select(s => s.Id), other.Id], "worker-a", now, null, now.AddDays(14));

        Assert.Equal(3, marked);
        foreach (var survey in batch)
        {
            Assert.Equal(SurveyStatus.Sent, (await Surveys.GetAsync(survey.Id))!.Status);
        }
        AssertSameSurvey(Claimed(other, "worker-b", now + Lease), await Surveys.GetAsync(other.Id));
    }

    [Fact]
    public async Task ReleaseUnsentGivesTheClaimBackAsItWasSoItIsClaimableAtOnce()
    {
        var now = Time.GetUtcNow();
        var survey = await AddClaimedAsync(now, "worker-a");

        Assert.Equal(0, await Outbox.ReleaseUnsentAsync([survey.Id], "worker-b"));
        Assert.Equal(1, await Outbox.ReleaseUnsentAsync([survey.Id, "srv_unknown"], "worker-a"));

        AssertSameSurvey(survey, await Surveys.GetAsync(survey.Id));
        AssertSameSurvey(Claimed(survey, "worker-b", now + Lease), Assert.Single(await Outbox.ClaimDueAsync(now, "worker-b", Lease, limit: 10)));
    }
}
