using Feedback.Core.Responses;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Storage.MongoDb.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Storage.MongoDb.Tests.Live;

public sealed class ResponseLiveTests : LiveMongoTest
{
    private IResponseStore Responses => Replica(0).GetRequiredService<IResponseStore>();

    [Fact]
    public async Task AnswerRetriedAfterACrashBetweenTheWritesRepairsItAndReportsNoPreviousAnswer()
    {
        var survey = NewSurvey() with { Status = SurveyStatus.Sent, SentAt = Now, ExpiresAt = Now.AddDays(14) };
        Assert.True(await Surveys.TryAddAsync(survey));
        var answer = Answer(survey, 4, Now.AddMinutes(1));
        // The first attempt died after its first write: the survey is answered, the response was never written.
        await Db.Surveys.UpdateOneAsync(MongoResponseQueries.Survey(survey.Id), MongoResponseQueries.Answered(answer.AnsweredAt));

        var (stored, previous, _) = await Responses.AnswerSurveyAsync(answer);

        Assert.Null(previous);
        Assert.Equal(4, stored.Score);
        Assert.Equal(4, (await Responses.GetAsync(answer.Id))!.Score);
        var answered = await Surveys.GetAsync(survey.Id);
        Assert.Equal((SurveyStatus.Answered, answer.AnsweredAt), (answered!.Status, answered.AnsweredAt));
    }

    [Fact]
    public async Task ConcurrentAnswersFromTwoReplicasLeaveOneResponseAndEachSawAPreviousOtherThanItself()
    {
        var survey = NewSurvey() with { Status = SurveyStatus.Sent, SentAt = Now, ExpiresAt = Now.AddDays(14) };
        Assert.True(await Surveys.TryAddAsync(survey));
        var answers = new[] { Answer(survey, 1, Now.AddMinutes(1)), Answer(survey, 5, Now.AddMinutes(1)) };

        var results = await Task.WhenAll(answers.Select((a, n) => Task.Run(() => Replica(n).GetRequiredService<IResponseStore>().AnswerSurveyAsync(a))));

        // Exactly one of them replaced the other; neither reports itself.
        Assert.Single(results, r => r.Previous is null);
        Assert.All(results.Where(r => r.Previous is not null), r => Assert.NotEqual(r.Stored.Score, r.Previous!.Score));
        Assert.Single((await Responses.ListAsync(new ResponseQuery())).Items);
    }

    private static SurveyResponse Answer(Survey survey, int score, DateTimeOffset at) => new()
    {
        Id = SurveyResponse.IdForSurvey(survey.Id),
        SurveyId = survey.Id,
        TemplateId = survey.TemplateId,
        Kind = survey.Kind,
        Score = score,
        Locale = survey.Locale,
        CustomerId = survey.Customer.Id,
        SubjectId = survey.SubjectId,
        Channel = Channels.Email,
        AnsweredAt = at,
        UpdatedAt = at,
    };
}
