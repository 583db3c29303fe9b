using Feedback.Core.Scoring;
using Feedback.Core.Storage;

namespace Feedback.Storage.Contract;

// IResponseStore: the reasons of an answer — stored, kept by a one-click, replaced by a form, filtered on, and counted in
// the @reason rollup rows exactly as an answer changes.
public abstract partial class ResponseStoreContract<TAdapter>
{
    [Fact]
    public async Task ReasonsAreStoredWithAnAnswerAndWithAnAnswerCollectedElsewhere()
    {
        var survey = await AddSentSurveyAsync();
        var answer = SampleAnswer(survey, 2, "Slow") with { Reasons = ["slow_response", "not_solved"] };
        var external = SampleResponse() with { Id = "call-1", Reasons = ["rude"] };

        await Responses.AnswerSurveyAsync(answer);
        await AddResponsesAsync(external);

        AssertSameResponse(answer, await Responses.GetAsync(answer.Id));
        AssertSameResponse(external, await Responses.GetAsync(external.Id));
        Assert.Equal(["slow_response", "not_solved"], (await Responses.GetAsync(answer.Id))!.Reasons);
    }

    [Fact]
    public async Task AOneClickKeepsTheReasonsAndAFormReplacesThem()
    {
        var survey = await AddSentSurveyAsync();
        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 1, "Slow") with { Reasons = ["slow_response"] });

        var (clicked, _, _) = await Responses.AnswerSurveyAsync(SampleAnswer(survey, 2, null), keepComment: true);
        Assert.Equal(["slow_response"], clicked.Reasons);
        Assert.Equal(["slow_response"], (await Responses.GetAsync(clicked.Id))!.Reasons);

        var (posted, previous, _) = await Responses.AnswerSurveyAsync(SampleAnswer(survey, 2, "Rude") with { Reasons = ["rude"] });
        Assert.Equal(["slow_response"], previous!.Reasons);
        Assert.Equal(["rude"], (await Responses.GetAsync(posted.Id))!.Reasons);

        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 2, "All fine now"));
        Assert.Empty((await Responses.GetAsync(posted.Id))!.Reasons);
    }

    [Fact]
    public async Task ResponseListFiltersByOneReason()
    {
        await AddResponsesAsync(
            SampleResponse() with { Id = "r-both", Reasons = ["slow_response", "rude"] },
            SampleResponse() with { Id = "r-slow", Reasons = ["slow_response"] },
            SampleResponse() with { Id = "r-none" });

        Assert.Equal(["r-both", "r-slow"], await ReasonIdsAsync("slow_response"));
        Assert.Equal(["r-both"], await ReasonIdsAsync("rude"));
        Assert.Empty(await ReasonIdsAsync("other"));
        // Codes match whole: a code that is the start of another is not it.
        Assert.Empty(await ReasonIdsAsync("slow"));
        var streamed = new List<string>();
        await foreach (var response in Responses.StreamAsync(new ResponseQuery { Reason = "rude" }))
        {
            streamed.Add(response.Id);
        }
        Assert.Equal(["r-both"], streamed);
    }

    [Fact]
    public async Task ReasonRollupsCountEachReasonAndMoveExactlyWhenTheReasonsChange()
    {
        var survey = await AddSentSurveyAsync();
        var day = DayOf(Time.GetUtcNow());
        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 1, "Slow and rude") with { Reasons = ["slow_response", "rude"] });

        Assert.Equal(Counts(1), await ReasonRowAsync(day, "slow_response"));
        Assert.Equal(Counts(1), await ReasonRowAsync(day, "rude"));
        Assert.Equal(Counts(), await ReasonRowAsync(day, ScoreGroups.NoneKey));

        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 2, "Only rude") with { Reasons = ["rude"] });

        Assert.Equal(Counts(), await ReasonRowAsync(day, "slow_response"));
        Assert.Equal(Counts(2), await ReasonRowAsync(day, "rude"));

        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 4, "Fine"));

        Assert.Equal(Counts(), await ReasonRowAsync(day, "rude"));
        Assert.Equal(Counts(4), await ReasonRowAsync(day, ScoreGroups.NoneKey));
        // The all row counts the answer once, whatever its reasons.
        Assert.Equal(Counts(4), (await RollupAsync(day))!.Histogram);
    }

    private async Task<long[]> ReasonRowAsync(DateOnly day, string value) =>
        (await RollupAsync(day, ScoreRollup.ReasonDimension, value))?.Histogram ?? Counts();

    private static long[] Counts(params int[] scores)
    {
        var histogram = new long[ScoreRollup.HistogramLength];
        foreach (var score in scores)
        {
            histogram[score]++;
        }
        return histogram;
    }

    private async Task<List<string>> ReasonIdsAsync(string reason) =>
        (await Responses.ListAsync(new ResponseQuery { Reason = reason })).Items.Select(r => r.Id).ToList();
}
