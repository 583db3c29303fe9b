using Feedback.Core.Storage;

namespace Feedback.Storage.Contract;

// IResponseStore: a changed answer — what it keeps of the previous one, decided inside the store's atomic step.
public abstract partial class ResponseStoreContract<TAdapter>
{
    [Fact]
    public async Task AOneClickScoreKeepsACommentPostedAfterTheClickWasReceived()
    {
        var survey = await AddSentSurveyAsync();
        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 2, null));
        // The click arrives and its answer is built while, in between, the customer's comment form is stored.
        var click = SampleAnswer(survey, 5, null);
        var posted = SampleAnswer(survey, 2, "Nobody called back");
        await Responses.AnswerSurveyAsync(posted);

        var (stored, previous, _) = await Responses.AnswerSurveyAsync(click, keepComment: true);

        Assert.Equal((5, "Nobody called back"), (stored.Score, stored.Comment));
        Assert.Equal("Nobody called back", previous!.Comment);
        AssertSameResponse(stored, await Responses.GetAsync(click.Id));
    }

    [Fact]
    public async Task ConcurrentOneClickScoresNeverDropACommentPostedAmongThem()
    {
        var survey = await AddSentSurveyAsync();
        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 1, null));
        var clicks = Enumerable.Range(1, 8).Select(n => SampleAnswer(survey, n % 5 + 1, null)).ToList();
        var posted = SampleAnswer(survey, 3, "Slow, but solved");

        await Task.WhenAll([
            .. clicks.Take(4).Select(c => Task.Run(() => Responses.AnswerSurveyAsync(c, keepComment: true))),
            Task.Run(() => Responses.AnswerSurveyAsync(posted)),
            .. clicks.Skip(4).Select(c => Task.Run(() => Responses.AnswerSurveyAsync(c, keepComment: true))),
        ]);

        Assert.Equal("Slow, but solved", (await Responses.GetAsync(posted.Id))!.Comment);
    }

    [Fact]
    public async Task WithoutKeepCommentTheAnswersCommentReplacesTheStoredOne()
    {
        var survey = await AddSentSurveyAsync();
        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 2, "Slow"));

        var (stored, _, _) = await Responses.AnswerSurveyAsync(SampleAnswer(survey, 2, null));

        Assert.Null(stored.Comment);
        Assert.Null((await Responses.GetAsync(stored.Id))!.Comment);
        Assert.Empty((await Responses.ListAsync(new ResponseQuery { HasComment = true })).Items);
    }

    [Fact]
    public async Task AChangedAnswerKeepsTheFirstAnsweredAtAndMovesUpdatedAt()
    {
        var survey = await AddSentSurveyAsync();
        var first = SampleAnswer(survey, 4, null);
        await Responses.AnswerSurveyAsync(first);
        Time.Advance(TimeSpan.FromHours(3));
        var comment = SampleAnswer(survey, 4, "Quick and friendly");

        var (stored, _, _) = await Responses.AnswerSurveyAsync(comment);

        Assert.Equal((first.AnsweredAt, comment.UpdatedAt), (stored.AnsweredAt, stored.UpdatedAt));
        var read = (await Responses.GetAsync(first.Id))!;
        Assert.Equal((first.AnsweredAt, comment.UpdatedAt, "Quick and friendly"), (read.AnsweredAt, read.UpdatedAt, read.Comment));
        Assert.Equal(first.AnsweredAt, (await Surveys.GetAsync(survey.Id))!.AnsweredAt);
        Assert.Single((await Responses.ListAsync(new ResponseQuery { UpdatedSince = comment.UpdatedAt })).Items);
    }
}
