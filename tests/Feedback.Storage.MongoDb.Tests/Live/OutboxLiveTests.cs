using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Storage.MongoDb.Tests.Live;

public sealed class OutboxLiveTests : LiveMongoTest
{
    [Fact]
    public async Task ClaimsFromTwoReplicasNeverShareASurvey()
    {
        var due = Enumerable.Range(0, 200).Select(i => NewSurvey(subjectId: $"ticket-{i}", sendAt: Now.AddSeconds(-i))).ToList();
        foreach (var survey in due)
        {
            Assert.True(await Surveys.TryAddAsync(survey));
        }

        var replicas = Enumerable.Range(0, 2).Select(n => Replica(n).GetRequiredService<ISurveyOutbox>()).ToList();

        var claims = await Task.WhenAll(replicas.Select((store, n) => Task.Run(() => ClaimUntilEmptyAsync(store, $"replica-{n}"))));

        var claimed = claims.SelectMany(c => c).ToList();
        Assert.Equal(claimed.Count, claimed.Distinct().Count());
        Assert.Equal(due.Select(s => s.Id).Order(StringComparer.Ordinal), claimed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ExpiredLeaseIsClaimedAgainAndTheFirstOwnerCanNoLongerFinish()
    {
        var survey = NewSurvey();
        await Surveys.TryAddAsync(survey);
        Assert.Single(await Outbox.ClaimDueAsync(Now, "a", TimeSpan.FromMinutes(1), 10));
        Assert.Empty(await Outbox.ClaimDueAsync(Now.AddSeconds(59), "b", TimeSpan.FromMinutes(1), 10));

        var reclaimed = Assert.Single(await Outbox.ClaimDueAsync(Now.AddMinutes(1), "b", TimeSpan.FromMinutes(1), 10));

        Assert.Equal(("b", Now.AddMinutes(2)), (reclaimed.LeaseOwner, reclaimed.LeaseUntil));
        Assert.Equal(0, await Outbox.MarkSentAsync([survey.Id], "a", Now, null, Now.AddDays(30)));
        Assert.Equal(1, await Outbox.MarkSentAsync([survey.Id], "b", Now, null, Now.AddDays(30)));
        Assert.Equal((SurveyStatus.Sent, 1, null), await StateAsync(survey.Id));
    }

    [Fact]
    public async Task CancellingFreesTheDedupeKeyForANewSurvey()
    {
        var first = NewSurvey();
        Assert.True(await Surveys.TryAddAsync(first));
        Assert.False(await Surveys.TryAddAsync(NewSurvey()));

        Assert.True(await Surveys.CancelAsync(first.Id, Now));

        Assert.True(await Surveys.TryAddAsync(NewSurvey()));
    }

    [Fact]
    public async Task StampKeepsTheFirstReportedTimeOfEach()
    {
        var survey = NewSurvey();
        await Surveys.TryAddAsync(survey);

        await Surveys.StampAsync(survey.Id, Now.AddMinutes(1), null);
        await Surveys.StampAsync(survey.Id, Now.AddMinutes(2), Now.AddMinutes(3));
        await Surveys.StampAsync(survey.Id, null, Now.AddMinutes(4));

        var stamped = await Surveys.GetAsync(survey.Id);
        Assert.Equal((Now.AddMinutes(1), Now.AddMinutes(3)), (stamped!.DeliveredAt, stamped.OpenedAt));
    }

    [Fact]
    public async Task ReminderIsTakenByOneReplicaOnly()
    {
        var survey = NewSurvey();
        await Surveys.TryAddAsync(survey);
        await Outbox.ClaimDueAsync(Now, "a", TimeSpan.FromMinutes(1), 10);
        await Outbox.MarkSentAsync([survey.Id], "a", Now, Now.AddDays(2), Now.AddDays(30));

        var replicas = Enumerable.Range(0, 4).Select(n => Replica(n % 2).GetRequiredService<ISurveyHousekeepingStore>()).ToList();

        var takes = await Task.WhenAll(replicas.Select(store => Task.Run(() => store.TakeDueRemindersAsync(Now.AddDays(2), 10))));

        Assert.Equal([survey.Id], takes.SelectMany(t => t).Select(s => s.Id));
        Assert.Equal(Now.AddDays(2), (await Surveys.GetAsync(survey.Id))!.ReminderSentAt);
    }

    private async Task<(SurveyStatus, int, string?)> StateAsync(string id)
    {
        var survey = (await Surveys.GetAsync(id))!;
        return (survey.Status, survey.Attempts, survey.LeaseOwner);
    }

    private static async Task<List<string>> ClaimUntilEmptyAsync(ISurveyOutbox surveys, string owner)
    {
        var claimed = new List<string>();
        // Bounded so a claim that never empties fails instead of hanging.
        for (var round = 0; round < 100; round++)
        {
            var batch = await surveys.ClaimDueAsync(Now, owner, TimeSpan.FromMinutes(5), 15);
            if (batch.Count == 0)
            {
                return claimed;
            }
            Assert.All(batch, s => Assert.Equal((SurveyStatus.Sending, owner), (s.Status, s.LeaseOwner)));
            claimed.AddRange(batch.Select(s => s.Id));
        }
        throw new InvalidOperationException("Claiming did not end after 100 rounds.");
    }
}
