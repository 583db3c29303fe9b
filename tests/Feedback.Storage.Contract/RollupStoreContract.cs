using Feedback.Core.Responses;
using Feedback.Core.Scoring;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Storage.Contract;

// IScoreRollupStore: the deltas the response store and the survey outbox add as answers and sends happen.
public abstract partial class RollupStoreContract<TAdapter> : StorageContract<TAdapter> where TAdapter : StorageUnderTest, new()
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
        Assert.Equal([$"tpl_csat {day:yyyy-MM-dd} agent=Ľubomír Csat [0,0,0,0,1,0,0,0,0,0,0] sent 0 answered 1"],
            (await RollupSnapshotAsync("agent", "priority", "note")).Where(r => !r.Contains(" =") && !r.Contains("channel=") && !r.Contains("@reason=")));
    }

    [Fact]
    public async Task AnAnswerToASentSurveyCountsAsAnsweredAndOneCollectedElsewhereDoesNot()
    {
        var survey = await SendThroughOutboxAsync(SampleSurvey());
        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 2, null));
        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 5, null));
        await Responses.AddExternalAsync(SampleResponse(score: 4));

        var day = DayOf(Time.GetUtcNow());
        var all = (await RollupAsync(day))!;
        Assert.Equal(Counts(4, 5), all.Histogram);
        Assert.Equal((1L, 1L), (all.Sent, all.Answered));
        Assert.Equal(1, (await RollupAsync(day, ScoreRollup.ChannelDimension, Channels.Email))!.Answered);
        Assert.Equal(1, (await RollupAsync(day, "agent", "Ľubomír Ďurček"))!.Answered);
        Assert.Equal(0, (await RollupAsync(day, ScoreRollup.ChannelDimension, "phone"))!.Answered);
        var counted = await RollupSnapshotAsync("agent");
        Assert.Equal(counted, (await RebuildTwiceAsync(["agent"])).Snapshot);
    }

    [Fact]
    public async Task APropertyCalledChannelHasRowsOfItsOwnBesideTheAnswersChannel()
    {
        var response = SampleResponse(score: 3) with { Properties = new Dictionary<string, string> { ["channel"] = "chat" } };

        await Responses.AddExternalAsync(response);

        var day = DayOf(response.AnsweredAt);
        Assert.Equal(Counts(3), (await RollupAsync(day, "channel", "chat"))!.Histogram);
        Assert.Equal(Counts(3), (await RollupAsync(day, ScoreRollup.ChannelDimension, "phone"))!.Histogram);
        Assert.Null(await RollupAsync(day, "channel", "phone"));
        Assert.Null(await RollupAsync(day, ScoreRollup.ChannelDimension, "chat"));
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
    public async Task ChangedAnswerOnALaterDayStaysOnTheDayOfTheFirstAnswer()
    {
        var survey = await AddSentSurveyAsync();
        var first = SampleAnswer(survey, 2, null);
        await Responses.AnswerSurveyAsync(first);
        Time.Advance(TimeSpan.FromDays(2));

        var second = SampleAnswer(survey, 3, null);
        await Responses.AnswerSurveyAsync(second);

        Assert.Equal(Counts(3), (await RollupAsync(DayOf(first.AnsweredAt)))!.Histogram);
        Assert.Equal(Counts(3), (await RollupAsync(DayOf(first.AnsweredAt), "agent", "Ľubomír Ďurček"))!.Histogram);
        Assert.Equal(Counts(), (await RollupAsync(DayOf(second.AnsweredAt)))?.Histogram ?? Counts());
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
        // The all row, two channels, one agent, and @reason=(none) counting both answers.
        Assert.Equal(6, before.Count);
    }

    /// <summary>Far enough around every sample's day that a query over it sees every row.</summary>
    private static readonly (DateOnly From, DateOnly To) AllDays = (new DateOnly(2020, 1, 1), new DateOnly(2040, 1, 1));

    /// <summary>Stores <paramref name="survey"/> (scheduled) and sends it now through the outbox, as the dispatcher does.</summary>
    protected async Task<Survey> SendThroughOutboxAsync(Survey survey)
    {
        var now = Time.GetUtcNow();
        await AddSurveysAsync(survey with { SendAt = now });
        var claimed = Assert.Single(await Outbox.ClaimDueAsync(now, "rollup-worker", TimeSpan.FromMinutes(5), 1));
        Assert.Equal(1, await Outbox.MarkSentAsync([claimed.Id], "rollup-worker", now, null, now.AddDays(14)));
        return (await Surveys.GetAsync(survey.Id))!;
    }

    /// <summary>Every non-empty row of the given dimensions, as sorted text, so two states compare with one Assert.Equal.</summary>
    protected async Task<List<string>> RollupSnapshotAsync(params string[] dimensions)
    {
        var rows = new List<string>();
        foreach (var kind in Enum.GetValues<SurveyKind>())
        {
            foreach (var dimension in dimensions.Prepend(ScoreRollup.All).Append(ScoreRollup.ChannelDimension).Append(ScoreRollup.ReasonDimension).Distinct())
            {
                var found = await Rollups.QueryAsync(new RollupQuery { Kind = kind, From = AllDays.From, To = AllDays.To, Dimension = dimension });
                rows.AddRange(found.Where(r => r.Sent != 0 || r.Histogram.Any(c => c != 0)).Select(Describe));
            }
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    protected static string Describe(ScoreRollup r) =>
        $"{r.TemplateId} {r.Day:yyyy-MM-dd} {r.Dimension}={r.Value} {r.Kind} [{string.Join(',', r.Histogram)}] sent {r.Sent} answered {r.Answered}";

    /// <summary>A histogram with one count at each given score.</summary>
    protected static long[] Counts(params int[] scores)
    {
        var histogram = new long[ScoreRollup.HistogramLength];
        foreach (var score in scores)
        {
            histogram[score]++;
        }
        return histogram;
    }
}
