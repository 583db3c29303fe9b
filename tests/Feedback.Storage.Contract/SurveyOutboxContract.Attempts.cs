using Feedback.Core.Surveys;

namespace Feedback.Storage.Contract;

// ISurveyOutbox, sends in doubt: the attempt recorded before a provider request holds the claim for the confirm window, and the
// provider's event confirms it as sent; any outcome the owner records clears it.
public abstract partial class SurveyOutboxContract<TAdapter>
{
    private static readonly TimeSpan ConfirmWindow = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task RecordedAttemptHoldsTheClaimUntilTheConfirmWindowHasPassed()
    {
        var now = Time.GetUtcNow();
        var survey = await AddClaimedAsync(now, "worker-a");
        var attemptedAt = now.AddSeconds(1);

        Assert.Equal(0, await Outbox.RecordAttemptAsync([survey.Id], "worker-b", attemptedAt, attemptedAt + ConfirmWindow));
        Assert.Equal(1, await Outbox.RecordAttemptAsync([survey.Id, "srv_unknown"], "worker-a", attemptedAt, attemptedAt + ConfirmWindow));

        var inDoubt = Claimed(survey, "worker-a", attemptedAt + ConfirmWindow) with { SendAttemptedAt = attemptedAt };
        AssertSameSurvey(inDoubt, await Surveys.GetAsync(survey.Id));
        Assert.Empty(await Outbox.ClaimDueAsync(now + Lease, "worker-b", Lease, limit: 10));
        Assert.Empty(await Outbox.ClaimDueAsync(attemptedAt + ConfirmWindow - TimeSpan.FromMilliseconds(1), "worker-b", Lease, limit: 10));
        var resent = Assert.Single(await Outbox.ClaimDueAsync(attemptedAt + ConfirmWindow, "worker-b", Lease, limit: 10));
        AssertSameSurvey(inDoubt with { LeaseOwner = "worker-b", LeaseUntil = attemptedAt + ConfirmWindow + Lease }, resent);
    }

    [Fact]
    public async Task RecordedAttemptNeverShortensTheLease()
    {
        var now = Time.GetUtcNow();
        var survey = await AddClaimedAsync(now, "worker-a");

        Assert.Equal(1, await Outbox.RecordAttemptAsync([survey.Id], "worker-a", now, now.AddSeconds(20)));

        AssertSameSurvey(Claimed(survey, "worker-a", now + Lease) with { SendAttemptedAt = now }, await Surveys.GetAsync(survey.Id));
    }

    [Fact]
    public async Task ConfirmedSurveyIsSentAtItsAttemptCountedOnceAndNeverClaimedAgain()
    {
        var now = Time.GetUtcNow();
        var survey = await AddClaimedAsync(now, "worker-a");
        var attemptedAt = now.AddSeconds(1).AddMilliseconds(234);
        await Outbox.RecordAttemptAsync([survey.Id], "worker-a", attemptedAt, attemptedAt + ConfirmWindow);

        Assert.False(await Outbox.ConfirmSentAsync(survey.Id, attemptedAt.AddSeconds(-1), null, attemptedAt.AddDays(14)));
        Assert.True(await Outbox.ConfirmSentAsync(survey.Id, attemptedAt, attemptedAt.AddDays(2), attemptedAt.AddDays(14)));
        Assert.False(await Outbox.ConfirmSentAsync(survey.Id, attemptedAt, attemptedAt.AddDays(2), attemptedAt.AddDays(14)));

        AssertSameSurvey(
            survey with
            {
                Status = SurveyStatus.Sent, SentAt = attemptedAt, ReminderAt = attemptedAt.AddDays(2), ExpiresAt = attemptedAt.AddDays(14),
                Attempts = survey.Attempts + 1,
            },
            await Surveys.GetAsync(survey.Id));
        Assert.Empty(await Outbox.ClaimDueAsync(attemptedAt + ConfirmWindow + Lease, "worker-b", Lease, limit: 10));
        Assert.Equal(1, (await RollupAsync(DayOf(attemptedAt)))!.Sent);
        Assert.Equal(0, await Outbox.MarkSentAsync([survey.Id], "worker-a", now.AddSeconds(2), null, now.AddDays(14)));
    }

    [Fact]
    public async Task SurveyWithoutARecordedAttemptIsNeverConfirmed()
    {
        var now = Time.GetUtcNow();
        var claimed = await AddClaimedAsync(now, "worker-a");
        var scheduled = SampleSurvey(sendAt: now.AddHours(1));
        await AddSurveysAsync(scheduled);

        Assert.False(await Outbox.ConfirmSentAsync(claimed.Id, now, null, now.AddDays(14)));
        Assert.False(await Outbox.ConfirmSentAsync(scheduled.Id, now, null, now.AddDays(14)));
        Assert.False(await Outbox.ConfirmSentAsync("srv_unknown", now, null, now.AddDays(14)));

        AssertSameSurvey(Claimed(claimed, "worker-a", now + Lease), await Surveys.GetAsync(claimed.Id));
        AssertSameSurvey(scheduled, await Surveys.GetAsync(scheduled.Id));
        Assert.Null(await RollupAsync(DayOf(now)));
    }

    [Fact]
    public async Task EveryOutcomeTheOwnerRecordsClearsTheAttempt()
    {
        var now = Time.GetUtcNow();
        var sent = await AddClaimedAsync(now, "worker-a");
        var retried = await AddClaimedAsync(now, "worker-a");
        var failed = await AddClaimedAsync(now, "worker-a");
        await Outbox.RecordAttemptAsync([sent.Id, retried.Id, failed.Id], "worker-a", now, now + ConfirmWindow);

        Assert.Equal(1, await Outbox.MarkSentAsync([sent.Id], "worker-a", now, null, now.AddDays(14)));
        Assert.True(await Outbox.ReleaseAsync(retried.Id, "worker-a", now.AddMinutes(1), "429"));
        Assert.True(await Outbox.MarkUndeliverableAsync(failed.Id, "worker-a", SurveyStatus.Failed, "550"));

        foreach (var survey in new[] { sent, retried, failed })
        {
            Assert.Null((await Surveys.GetAsync(survey.Id))!.SendAttemptedAt);
            Assert.False(await Outbox.ConfirmSentAsync(survey.Id, now, null, now.AddDays(14)));
        }
    }
}
