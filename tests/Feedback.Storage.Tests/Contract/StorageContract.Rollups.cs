using Feedback.Core.Responses;
using Feedback.Core.Scoring;

namespace Feedback.Storage.Tests.Contract;

// IScoreRollupStore: counts kept by the response and survey stores as answers and sends happen.
public abstract partial class StorageContract
{
    [Fact]
    public async Task FirstAnswerCountsInTheAllRowTheChannelAndEachProperty()
    {
        var survey = await AddSentSurveyAsync();
        var answer = SampleAnswer(survey, 4, null) with
        {
            Properties = new Dictionary<string, string> { ["agent"] = "Ľubomír", ["priority"] = "", ["note"] = new string('x', 101) },
        };

        await Responses.AnswerSurveyAsync(answer);

        var day = DayOf(answer.AnsweredAt);
        Assert.Equal(Counts(4), (await RollupAsync(day))!.Histogram);
        Assert.Equal(Counts(4), (await RollupAsync(day, ScoreRollup.ChannelDimension, Channels.Email))!.Histogram);
        Assert.Equal(Counts(4), (await RollupAsync(day, "agent", "Ľubomír"))!.Histogram);
        // An empty value cannot be asked for; a long one is free text, not a category.
        Assert.Equal([$"tpl_csat {day:yyyy-MM-dd} agent=Ľubomír Csat [0,0,0,0,1,0,0,0,0,0,0] sent 0"],
            (await RollupSnapshotAsync("agent", "priority", "note")).Where(r => !r.Contains(" =") && !r.Contains("channel=")));
    }

    [Fact]
    public async Task ChangedAnswerOnTheSameDayMovesOneCountToTheNewScoreAndProperties()
    {
        var survey = await AddSentSurveyAsync();
        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 1, "bad"));
        Time.Advance(TimeSpan.FromMinutes(5));
        var second = SampleAnswer(survey, 5, null) with { Properties = new Dictionary<string, string> { ["agent"] = "maria" } };

        await Responses.AnswerSurveyAsync(second);

        var day = DayOf(second.AnsweredAt);
        Assert.Equal(Counts(5), (await RollupAsync(day))!.Histogram);
        Assert.Equal(Counts(5), (await RollupAsync(day, "agent", "maria"))!.Histogram);
        Assert.Equal(Counts(), (await RollupAsync(day, "agent", "Ľubomír Ďurček"))?.Histogram ?? Counts());
        Assert.Equal(Counts(), (await RollupAsync(day, "ticket.subject", "המדפסת לא מדפיסה"))?.Histogram ?? Counts());
    }

    [Fact]
    public async Task ChangedAnswerOnALaterDayMovesTheCountToThatDay()
    {
        var survey = await AddSentSurveyAsync();
        var first = SampleAnswer(survey, 2, null);
        await Responses.AnswerSurveyAsync(first);
        Time.Advance(TimeSpan.FromDays(2));

        var second = SampleAnswer(survey, 3, null);
        await Responses.AnswerSurveyAsync(second);

        Assert.Equal(Counts(), (await RollupAsync(DayOf(first.AnsweredAt)))?.Histogram ?? Counts());
        Assert.Equal(Counts(3), (await RollupAsync(DayOf(second.AnsweredAt)))!.Histogram);
        Assert.Equal(Counts(3), (await RollupAsync(DayOf(second.AnsweredAt), "agent", "Ľubomír Ďurček"))!.Histogram);
    }

    [Fact]
    public async Task ExternalAnswerCountsOnceAndARepeatOfItsIdDoesNot()
    {
        var response = SampleResponse(score: 2);

        await Responses.AddExternalAsync(response);
        await Responses.AddExternalAsync(response with { Score = 5 });

        var day = DayOf(response.AnsweredAt);
        Assert.Equal(Counts(2), (await RollupAsync(day))!.Histogram);
        Assert.Equal(Counts(2), (await RollupAsync(day, ScoreRollup.ChannelDimension, "phone"))!.Histogram);
        Assert.Null(await RollupAsync(day, ScoreRollup.ChannelDimension, Channels.Email));
    }

    [Fact]
    public async Task SendIsCountedOnceOnTheSentDayInEachDimensionWithChannelEmail()
    {
        var survey = await SendThroughOutboxAsync(SampleSurvey());

        Assert.Equal(0, await Outbox.MarkSentAsync([survey.Id], "rollup-worker", Time.GetUtcNow(), null, Time.GetUtcNow().AddDays(1)));

        var day = DayOf(survey.SentAt!.Value);
        foreach (var (dimension, value) in new[] { (ScoreRollup.All, ScoreRollup.All), (ScoreRollup.ChannelDimension, Channels.Email), ("agent", "Ľubomír Ďurček") })
        {
            var row = await RollupAsync(day, dimension, value);
            Assert.Equal(1, row!.Sent);
            Assert.Equal(Counts(), row.Histogram);
        }
    }

    [Fact]
    public async Task ErasureLeavesTheRollupsAsTheyWere()
    {
        var survey = await SendThroughOutboxAsync(SampleSurvey());
        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 5, "Ask for Dana"));
        await AddResponsesAsync(SampleResponse(score: 1));
        var before = await RollupSnapshotAsync("agent", "ticket.subject");

        await Housekeeping.EraseCustomerAsync("cus_dana", Time.GetUtcNow());
        await Responses.EraseCustomerAsync("cus_dana", Time.GetUtcNow());

        Assert.Equal(before, await RollupSnapshotAsync("agent", "ticket.subject"));
        Assert.Equal(5, before.Count);
    }
}
