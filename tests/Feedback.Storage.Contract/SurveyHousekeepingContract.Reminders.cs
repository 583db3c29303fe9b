using Feedback.Core.Surveys;

namespace Feedback.Storage.Contract;

// ISurveyHousekeepingStore after sending: at most one reminder per unanswered survey, even across replicas, and expiry.
public abstract partial class SurveyHousekeepingContract<TAdapter>
{
    [Fact]
    public async Task TakeDueRemindersTakesOnlySentSurveysWhoseReminderIsDueAndStampsThem()
    {
        var now = Time.GetUtcNow();
        var sentAt = now.AddDays(-3);
        var expiresAt = now.AddDays(11);
        var due = SampleSentSurvey(sentAt, now.AddHours(-1), expiresAt);
        var dueNow = SampleSentSurvey(sentAt, now, expiresAt);
        var notYetDue = SampleSentSurvey(sentAt, now.AddMilliseconds(1), expiresAt);
        var withoutReminder = SampleSentSurvey(sentAt, null, expiresAt);
        var reminded = SampleSentSurvey(sentAt, now.AddDays(-1), expiresAt) with { ReminderSentAt = now.AddDays(-1) };
        var answered = SampleSentSurvey(sentAt, now.AddHours(-1), expiresAt) with { Status = SurveyStatus.Answered, AnsweredAt = now.AddHours(-2) };
        var expired = SampleSentSurvey(sentAt, now.AddHours(-1), now.AddMinutes(-1)) with { Status = SurveyStatus.Expired };
        await AddSurveysAsync(due, dueNow, notYetDue, withoutReminder, reminded, answered, expired);

        var taken = await Housekeeping.TakeDueRemindersAsync(now, limit: 10);

        Assert.Equal([due.Id, dueNow.Id], taken.Select(s => s.Id).Order(StringComparer.Ordinal));
        foreach (var survey in new[] { due, dueNow })
        {
            AssertSameSurvey(survey with { ReminderSentAt = now }, taken.Single(s => s.Id == survey.Id));
            AssertSameSurvey(survey with { ReminderSentAt = now }, await Surveys.GetAsync(survey.Id));
        }
        foreach (var untouched in new[] { notYetDue, withoutReminder, reminded, answered, expired })
        {
            AssertSameSurvey(untouched, await Surveys.GetAsync(untouched.Id));
        }
    }

    [Fact]
    public async Task TakeDueRemindersTakesEachSurveyAtMostOnce()
    {
        var now = Time.GetUtcNow();
        var first = SampleSentSurvey(now.AddDays(-3), now.AddHours(-1), now.AddDays(11));
        var later = SampleSentSurvey(now.AddDays(-3), now.AddMinutes(30), now.AddDays(11));
        await AddSurveysAsync(first, later);

        var atNow = await Housekeeping.TakeDueRemindersAsync(now, limit: 10);
        var again = await Housekeeping.TakeDueRemindersAsync(now, limit: 10);
        var anHourLater = await Housekeeping.TakeDueRemindersAsync(now.AddHours(1), limit: 10);

        Assert.Equal([first.Id], atNow.Select(s => s.Id));
        Assert.Empty(again);
        Assert.Equal([later.Id], anHourLater.Select(s => s.Id));
        Assert.Equal(now, (await Surveys.GetAsync(first.Id))?.ReminderSentAt);
    }

    [Fact]
    public async Task ConcurrentReminderTakersNeverShareASurvey()
    {
        var now = Time.GetUtcNow();
        var due = Enumerable.Range(0, 40).Select(i => SampleSentSurvey(now.AddDays(-3), now.AddMinutes(-i), now.AddDays(11))).ToList();
        await AddSurveysAsync([.. due]);

        var takes = await Task.WhenAll(Task.Run(() => TakeUntilNoneAsync(now)), Task.Run(() => TakeUntilNoneAsync(now)));

        Assert.Empty(takes[0].Intersect(takes[1]));
        Assert.Equal(due.Select(s => s.Id).Order(StringComparer.Ordinal), takes.SelectMany(t => t).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ExpireEndsSentSurveysWhoseTimeIsUpAndCountsThem()
    {
        var now = Time.GetUtcNow();
        var sentAt = now.AddDays(-14);
        var expiring = SampleSentSurvey(sentAt, null, now.AddHours(-1));
        var expiringNow = SampleSentSurvey(sentAt, sentAt.AddDays(2), now);
        var notYet = SampleSentSurvey(sentAt, null, now.AddMilliseconds(1));
        var answered = SampleSentSurvey(sentAt, null, now.AddHours(-1)) with { Status = SurveyStatus.Answered, AnsweredAt = sentAt.AddDays(1) };
        var scheduled = SampleSurvey(sendAt: now.AddHours(-1)) with { ExpiresAt = now.AddHours(-1) };
        await AddSurveysAsync(expiring, expiringNow, notYet, answered, scheduled);

        var count = await Housekeeping.ExpireAsync(now);

        Assert.Equal(2, count);
        AssertSameSurvey(expiring with { Status = SurveyStatus.Expired }, await Surveys.GetAsync(expiring.Id));
        AssertSameSurvey(expiringNow with { Status = SurveyStatus.Expired }, await Surveys.GetAsync(expiringNow.Id));
        foreach (var untouched in new[] { notYet, answered, scheduled })
        {
            AssertSameSurvey(untouched, await Surveys.GetAsync(untouched.Id));
        }
        Assert.Equal(0, await Housekeeping.ExpireAsync(now));
        Assert.Empty(await Housekeeping.TakeDueRemindersAsync(now, limit: 10));
    }

    /// <summary>Takes reminders in batches of 5 as a housekeeping replica does until none is due; returns the taken ids.</summary>
    private async Task<List<string>> TakeUntilNoneAsync(DateTimeOffset now)
    {
        var ids = new List<string>();
        // The bound turns a take that never runs dry into a failure instead of a hang.
        for (var round = 0; round < 50; round++)
        {
            var batch = await Housekeeping.TakeDueRemindersAsync(now, limit: 5);
            if (batch.Count == 0)
            {
                return ids;
            }
            Assert.InRange(batch.Count, 1, 5);
            ids.AddRange(batch.Select(s => s.Id));
        }
        Assert.Fail("Reminders were still being taken after 50 rounds.");
        return ids;
    }
}
