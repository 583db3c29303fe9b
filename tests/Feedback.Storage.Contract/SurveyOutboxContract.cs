using Feedback.Core.Surveys;

namespace Feedback.Storage.Contract;

// ISurveyOutbox: due surveys are claimed under a lease, by one claimer at a time, oldest first.
public abstract partial class SurveyOutboxContract<TAdapter> : StorageContract<TAdapter> where TAdapter : StorageUnderTest, new()
{
    [Fact]
    public async Task ClaimTakesOnlyDueScheduledSurveysOldestFirstUpToTheLimit()
    {
        var now = Time.GetUtcNow();
        var dueLast = SampleSurvey(sendAt: now);
        var dueSecond = SampleSurvey(sendAt: now.AddMinutes(-3));
        var dueFirst = SampleSurvey(sendAt: now.AddMinutes(-10));
        var dueThird = SampleSurvey(sendAt: now.AddMilliseconds(-1));
        var notYetDue = SampleSurvey(sendAt: now.AddMilliseconds(1));
        var sent = SampleSentSurvey(now.AddHours(-1), null, now.AddDays(14));
        var cancelled = SampleSurvey(sendAt: now.AddHours(-1)) with { Status = SurveyStatus.Cancelled, CancelledAt = now };
        await AddSurveysAsync(dueLast, notYetDue, dueSecond, sent, dueFirst, cancelled, dueThird);

        var first = await Outbox.ClaimDueAsync(now, "worker-a", Lease, limit: 3);
        var second = await Outbox.ClaimDueAsync(now, "worker-a", Lease, limit: 3);

        Assert.Equal([dueFirst.Id, dueSecond.Id, dueThird.Id], first.Select(s => s.Id));
        Assert.Equal([dueLast.Id], second.Select(s => s.Id));
        Assert.Empty(await Outbox.ClaimDueAsync(now, "worker-a", Lease, limit: 3));
        foreach (var untouched in new[] { notYetDue, sent, cancelled })
        {
            AssertSameSurvey(untouched, await Surveys.GetAsync(untouched.Id));
        }
    }

    [Fact]
    public async Task ClaimTakesDueSurveysAndEndedLeasesTogetherOldestFirstUpToTheLimit()
    {
        var now = Time.GetUtcNow();
        var leasedSecond = SampleSurvey(sendAt: now.AddMinutes(-9));
        var leasedThird = SampleSurvey(sendAt: now.AddMinutes(-8));
        await AddSurveysAsync(leasedThird, leasedSecond);
        Assert.Equal(2, (await Outbox.ClaimDueAsync(now, "worker-a", Lease, limit: 10)).Count);
        var dueFirst = SampleSurvey(sendAt: now.AddMinutes(-10));
        var dueFourth = SampleSurvey(sendAt: now.AddMinutes(-6));
        var dueFifth = SampleSurvey(sendAt: now.AddMinutes(-2));
        await AddSurveysAsync(dueFifth, dueFourth, dueFirst);
        var leaseEnd = now + Lease;

        var first = await Outbox.ClaimDueAsync(leaseEnd, "worker-b", Lease, limit: 3);
        var second = await Outbox.ClaimDueAsync(leaseEnd, "worker-b", Lease, limit: 3);

        Assert.Equal([dueFirst.Id, leasedSecond.Id, leasedThird.Id], first.Select(s => s.Id));
        Assert.Equal([dueFourth.Id, dueFifth.Id], second.Select(s => s.Id));
        Assert.All(first.Concat(second), s => Assert.Equal("worker-b", s.LeaseOwner));
    }

    [Fact]
    public async Task ClaimedSurveyIsSendingUnderTheOwnersLease()
    {
        var now = Time.GetUtcNow();
        var survey = SampleSurvey(sendAt: now.AddMinutes(-1)) with { Attempts = 2 };
        await AddSurveysAsync(survey);

        var claimed = Assert.Single(await Outbox.ClaimDueAsync(now, "worker-a", Lease, limit: 10));

        var expected = Claimed(survey, "worker-a", now + Lease);
        AssertSameSurvey(expected, claimed);
        AssertSameSurvey(expected, await Surveys.GetAsync(survey.Id));
        Assert.False((await Surveys.GetAsync(survey.Id))!.IsPending);
    }

    [Fact]
    public async Task ClaimedSurveyIsClaimedAgainOnlyWhenItsLeaseHasEnded()
    {
        var now = Time.GetUtcNow();
        var survey = SampleSurvey(sendAt: now.AddMinutes(-1));
        await AddSurveysAsync(survey);
        Assert.Single(await Outbox.ClaimDueAsync(now, "worker-a", Lease, limit: 10));
        var leaseEnd = now + Lease;

        var beforeTheEnd = await Outbox.ClaimDueAsync(leaseEnd.AddMilliseconds(-1), "worker-b", Lease, limit: 10);
        var stillOwned = await Surveys.GetAsync(survey.Id);
        var atTheEnd = await Outbox.ClaimDueAsync(leaseEnd, "worker-b", Lease, limit: 10);

        Assert.Empty(beforeTheEnd);
        AssertSameSurvey(Claimed(survey, "worker-a", leaseEnd), stillOwned);
        AssertSameSurvey(Claimed(survey, "worker-b", leaseEnd + Lease), Assert.Single(atTheEnd));
        AssertSameSurvey(Claimed(survey, "worker-b", leaseEnd + Lease), await Surveys.GetAsync(survey.Id));
    }

    [Fact]
    public async Task ConcurrentClaimersGetDisjointBatchesThatCoverEveryDueSurvey()
    {
        var now = Time.GetUtcNow();
        var due = Enumerable.Range(0, 200).Select(i => SampleSurvey(sendAt: now.AddSeconds(-i))).ToList();
        await AddSurveysAsync([.. due]);

        var claims = await Task.WhenAll(
            Task.Run(() => ClaimUntilNothingIsDueAsync(now, "worker-a")),
            Task.Run(() => ClaimUntilNothingIsDueAsync(now, "worker-b")));

        Assert.Empty(claims[0].Intersect(claims[1]));
        Assert.Equal(due.Select(s => s.Id).Order(StringComparer.Ordinal), claims.SelectMany(c => c).Order(StringComparer.Ordinal));
        foreach (var (owner, ids) in new[] { ("worker-a", claims[0]), ("worker-b", claims[1]) })
        {
            foreach (var id in ids)
            {
                Assert.Equal(owner, (await Surveys.GetAsync(id))?.LeaseOwner);
            }
        }
    }

    /// <summary>Claims batches of 50 as a dispatcher replica does until none is left; returns the claimed ids.</summary>
    private async Task<List<string>> ClaimUntilNothingIsDueAsync(DateTimeOffset now, string owner)
    {
        var ids = new List<string>();
        // The bound turns a claim that never runs dry into a failure instead of a hang.
        for (var round = 0; round < 50; round++)
        {
            var batch = await Outbox.ClaimDueAsync(now, owner, Lease, limit: 50);
            if (batch.Count == 0)
            {
                return ids;
            }
            Assert.InRange(batch.Count, 1, 50);
            ids.AddRange(batch.Select(s => s.Id));
        }
        Assert.Fail($"{owner} was still claiming after 50 rounds.");
        return ids;
    }
}
