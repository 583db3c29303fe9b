using Feedback.Core.Storage;
using Feedback.Core.Surveys;

namespace Feedback.Storage.Contract;

// IResponseStore: answers to e-mailed surveys (one per survey, the last counts) and answers collected elsewhere (idempotent).
public abstract partial class ResponseStoreContract<TAdapter> : StorageContract<TAdapter> where TAdapter : StorageUnderTest, new()
{
    [Fact]
    public async Task AnswerReadsBackWithEveryFieldByGetListAndStream()
    {
        var survey = await AddSentSurveyAsync();
        var answer = SampleAnswer(survey, 2, "המדפסת עדיין לא עובדת.\nשורה שנייה, עם \"מרכאות\" ו-'גרש'");

        var (stored, previous, _) = await Responses.AnswerSurveyAsync(answer);

        AssertSameResponse(answer, stored);
        Assert.Null(previous);
        AssertSameResponse(answer, await Responses.GetAsync(answer.Id));
        AssertSameResponse(answer, Assert.Single((await Responses.ListAsync(new ResponseQuery())).Items));
        AssertSameResponse(answer, Assert.Single(await Responses.StreamAsync(new ResponseQuery()).ToListAsync()));
    }

    [Fact]
    public async Task AnsweredSurveyBecomesAnsweredWithTheAnswerTimeAndKeepsTheRest()
    {
        var survey = await AddSentSurveyAsync();
        var answer = SampleAnswer(survey, 5, null);

        await Responses.AnswerSurveyAsync(answer);

        AssertSameSurvey(survey with { Status = SurveyStatus.Answered, AnsweredAt = answer.AnsweredAt }, await Surveys.GetAsync(survey.Id));
    }

    [Fact]
    public async Task SecondAnswerReplacesTheFirstAndReturnsItAsPrevious()
    {
        var survey = await AddSentSurveyAsync();
        var first = SampleAnswer(survey, 1, "גרוע");
        await Responses.AnswerSurveyAsync(first);
        Time.Advance(TimeSpan.FromMinutes(5));
        var second = SampleAnswer(survey, 5, null) with { Properties = new Dictionary<string, string> { ["agent"] = "maria" } };

        var (stored, previous, _) = await Responses.AnswerSurveyAsync(second);

        // The last answer counts; answeredAt stays when the survey was first answered.
        var expected = second with { AnsweredAt = first.AnsweredAt };
        AssertSameResponse(expected, stored);
        AssertSameResponse(first, previous);
        AssertSameResponse(expected, Assert.Single((await Responses.ListAsync(new ResponseQuery())).Items));
        Assert.Equal(first.AnsweredAt, (await Surveys.GetAsync(survey.Id))!.AnsweredAt);
    }

    [Fact]
    public async Task AnswerToAnUnknownSurveyIsRefusedAndStoresNothing()
    {
        var survey = SampleSentSurvey(Time.GetUtcNow(), null, Time.GetUtcNow().AddDays(14));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Responses.AnswerSurveyAsync(SampleAnswer(survey, 3, null)));

        Assert.Empty((await Responses.ListAsync(new ResponseQuery())).Items);
    }

    [Fact]
    public async Task ExternalResponseIsCreatedOnceAndARetryReturnsTheFirst()
    {
        var first = SampleResponse(score: 2);
        var retry = first with { Score = 5, Comment = "changed", UpdatedAt = first.UpdatedAt.AddMinutes(1) };

        var created = await Responses.AddExternalAsync(first);
        var replayed = await Responses.AddExternalAsync(retry);

        Assert.True(created.Created);
        AssertSameResponse(first, created.Stored);
        Assert.False(replayed.Created);
        AssertSameResponse(first, replayed.Stored);
        AssertSameResponse(first, await Responses.GetAsync(first.Id));
    }

    [Fact]
    public async Task ExternalResponseWithoutCommentOrPropertiesReadsBackWithItsNulls()
    {
        var response = SampleResponse(comment: null) with { Properties = new Dictionary<string, string>() };

        await AddResponsesAsync(response);

        var stored = await Responses.GetAsync(response.Id);
        AssertSameResponse(response, stored);
        Assert.Null(stored!.Comment);
        Assert.Empty(stored.Properties);
    }

    [Fact]
    public async Task UnknownResponseIsNull()
    {
        await AddResponsesAsync(SampleResponse());

        Assert.Null(await Responses.GetAsync("rsp_unknown"));
    }
}
