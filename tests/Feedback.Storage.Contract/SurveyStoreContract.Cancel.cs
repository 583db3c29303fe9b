using Feedback.Core.Surveys;

namespace Feedback.Storage.Contract;

// ISurveyStore: cancelling scheduled surveys one by one, by subject (cancelOn events) and by template (archive).
public abstract partial class SurveyStoreContract<TAdapter>
{
    [Fact]
    public async Task CancelEndsOnlyAScheduledSurvey()
    {
        var now = Time.GetUtcNow();
        var scheduled = SampleSurvey();
        var sending = SampleSurvey(sendAt: now.AddMinutes(-1));
        var sent = SampleSentSurvey(now.AddHours(-1), null, now.AddDays(14));
        await AddSurveysAsync(scheduled, sending, sent);
        var claimed = Assert.Single(await Outbox.ClaimDueAsync(now, "worker-a", Lease, limit: 10));
        var at = now.AddSeconds(1).AddMilliseconds(1);

        Assert.True(await Surveys.CancelAsync(scheduled.Id, at));
        Assert.False(await Surveys.CancelAsync(scheduled.Id, at.AddMinutes(1)));
        Assert.False(await Surveys.CancelAsync(sending.Id, at));
        Assert.False(await Surveys.CancelAsync(sent.Id, at));
        Assert.False(await Surveys.CancelAsync("srv_unknown", at));

        AssertSameSurvey(scheduled with { Status = SurveyStatus.Cancelled, CancelledAt = at }, await Surveys.GetAsync(scheduled.Id));
        AssertSameSurvey(claimed, await Surveys.GetAsync(sending.Id));
        AssertSameSurvey(sent, await Surveys.GetAsync(sent.Id));
    }

    [Fact]
    public async Task CancelPendingBySubjectCancelsTheGivenTemplatesAndReturnsTheirIds()
    {
        var now = Time.GetUtcNow();
        var a = SampleSurvey("tpl_a", "ticket-7");
        var b = SampleSurvey("tpl_b", "ticket-7");
        var c = SampleSurvey("tpl_c", "ticket-7");
        var sentA = SampleSentSurvey(now.AddHours(-1), null, now.AddDays(14), "tpl_a") with { SubjectId = "ticket-7", Customer = a.Customer with { Id = "cus_2" } };
        var otherSubject = SampleSurvey("tpl_a", "ticket-8");
        await AddSurveysAsync(a, b, c, sentA, otherSubject);
        var at = now.AddMilliseconds(7);

        var cancelled = await Surveys.CancelPendingBySubjectAsync("ticket-7", ["tpl_a", "tpl_b", "tpl_unknown"], at);

        Assert.Equal([a.Id, b.Id], cancelled.Order(StringComparer.Ordinal));
        AssertSameSurvey(a with { Status = SurveyStatus.Cancelled, CancelledAt = at }, await Surveys.GetAsync(a.Id));
        AssertSameSurvey(b with { Status = SurveyStatus.Cancelled, CancelledAt = at }, await Surveys.GetAsync(b.Id));
        foreach (var untouched in new[] { c, sentA, otherSubject })
        {
            AssertSameSurvey(untouched, await Surveys.GetAsync(untouched.Id));
        }
        Assert.Empty(await Surveys.CancelPendingBySubjectAsync("ticket-7", ["tpl_a", "tpl_b"], at.AddSeconds(1)));
    }

    [Fact]
    public async Task CancelPendingBySubjectWithoutATemplateListCancelsEveryTemplate()
    {
        var now = Time.GetUtcNow();
        var a = SampleSurvey("tpl_a", "ticket-7");
        var b = SampleSurvey("tpl_b", "ticket-7");
        var otherSubject = SampleSurvey("tpl_a", "ticket-8");
        await AddSurveysAsync(a, b, otherSubject);

        // An empty list names no template, unlike null.
        Assert.Empty(await Surveys.CancelPendingBySubjectAsync("ticket-7", [], now));
        var cancelled = await Surveys.CancelPendingBySubjectAsync("ticket-7", null, now);

        Assert.Equal([a.Id, b.Id], cancelled.Order(StringComparer.Ordinal));
        Assert.Equal(SurveyStatus.Cancelled, (await Surveys.GetAsync(b.Id))?.Status);
        AssertSameSurvey(otherSubject, await Surveys.GetAsync(otherSubject.Id));
    }

    [Fact]
    public async Task CancelPendingByTemplateCancelsItsScheduledSurveysAndCountsThem()
    {
        var now = Time.GetUtcNow();
        var scheduled = Enumerable.Range(0, 3).Select(_ => SampleSurvey("tpl_archived")).ToList();
        var sending = SampleSurvey("tpl_archived", sendAt: now.AddMinutes(-1));
        var sent = SampleSentSurvey(now.AddHours(-1), null, now.AddDays(14), "tpl_archived");
        var otherTemplate = SampleSurvey("tpl_other");
        await AddSurveysAsync([.. scheduled, sending, sent, otherTemplate]);
        var claimed = Assert.Single(await Outbox.ClaimDueAsync(now, "worker-a", Lease, limit: 10));
        var at = now.AddMilliseconds(7);

        var count = await Surveys.CancelPendingByTemplateAsync("tpl_archived", at);

        Assert.Equal(3, count);
        foreach (var survey in scheduled)
        {
            AssertSameSurvey(survey with { Status = SurveyStatus.Cancelled, CancelledAt = at }, await Surveys.GetAsync(survey.Id));
        }
        AssertSameSurvey(claimed, await Surveys.GetAsync(sending.Id));
        AssertSameSurvey(sent, await Surveys.GetAsync(sent.Id));
        AssertSameSurvey(otherTemplate, await Surveys.GetAsync(otherTemplate.Id));
        Assert.Equal(0, await Surveys.CancelPendingByTemplateAsync("tpl_archived", at.AddSeconds(1)));
    }
}
