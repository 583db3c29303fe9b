using Feedback.Core.Storage;
using Feedback.Core.Surveys;

namespace Feedback.Storage.Contract;

// ISurveyHousekeepingStore, with IResponseStore: erasing a customer's personal data from surveys and responses, through the ports only.
public abstract partial class SurveyHousekeepingContract<TAdapter>
{
    [Fact]
    public async Task ErasingACustomerRemovesTheirEmailNameAndTokenFromEverySurvey()
    {
        var sent = await AddSentSurveyAsync();
        var scheduled = SampleSurvey();
        await AddSurveysAsync(scheduled);

        Assert.Equal(2, await Housekeeping.EraseCustomerAsync("cus_dana", Time.GetUtcNow()));

        foreach (var original in new[] { sent, scheduled })
        {
            var erased = await Surveys.GetAsync(original.Id);
            Assert.NotNull(erased);
            Assert.Equal(Erasure.Email, erased.Customer.Email);
            Assert.Null(erased.Customer.Name);
            Assert.Equal("cus_dana", erased.Customer.Id);
            Assert.NotEqual(original.Token, erased.Token);
            Assert.Null(await Surveys.GetByTokenAsync(original.Token));
        }
    }

    [Fact]
    public async Task ErasureCancelsScheduledSurveysAndKeepsEveryOtherStatusAndTime()
    {
        var sent = await AddSentSurveyAsync();
        var scheduled = SampleSurvey();
        await AddSurveysAsync(scheduled);
        var at = Time.GetUtcNow();

        await Housekeeping.EraseCustomerAsync("cus_dana", at);

        var cancelled = await Surveys.GetAsync(scheduled.Id);
        Assert.Equal(SurveyStatus.Cancelled, cancelled!.Status);
        Assert.Equal(at, cancelled.CancelledAt);
        Assert.Empty(await Outbox.ClaimDueAsync(at.AddDays(1), "worker", TimeSpan.FromMinutes(1), 10));
        var stillSent = await Surveys.GetAsync(sent.Id);
        Assert.Equal(SurveyStatus.Sent, stillSent!.Status);
        Assert.Equal((sent.SentAt, sent.ExpiresAt, sent.TemplateId, sent.SubjectId, sent.CreatedAt),
            (stillSent.SentAt, stillSent.ExpiresAt, stillSent.TemplateId, stillSent.SubjectId, stillSent.CreatedAt));
    }

    [Fact]
    public async Task ErasureLeavesOtherCustomersUntouched()
    {
        var other = SampleSurvey(customerId: "cus_omer");
        var otherResponse = SampleResponse(customerId: "cus_omer");
        await AddSurveysAsync(other, SampleSurvey());
        await AddResponsesAsync(otherResponse, SampleResponse());

        await Housekeeping.EraseCustomerAsync("cus_dana", Time.GetUtcNow());
        await Responses.EraseCustomerAsync("cus_dana", Time.GetUtcNow());

        var kept = await Surveys.GetAsync(other.Id);
        Assert.Equal((other.Customer, other.Token, SurveyStatus.Scheduled), (kept!.Customer, kept.Token, kept.Status));
        AssertSameResponse(otherResponse, await Responses.GetAsync(otherResponse.Id));
    }

    [Fact]
    public async Task ErasingTwiceChangesNothingTheSecondTime()
    {
        var survey = await AddSentSurveyAsync();
        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 9, "Ask for Dana at the front desk"));
        await AddSurveysAsync(SampleSurvey());
        await Housekeeping.EraseCustomerAsync("cus_dana", Time.GetUtcNow());
        await Responses.EraseCustomerAsync("cus_dana", Time.GetUtcNow());
        var token = (await Surveys.GetAsync(survey.Id))!.Token;
        var answer = await Responses.GetAsync(SurveyResponseId(survey));
        Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, await Housekeeping.EraseCustomerAsync("cus_dana", Time.GetUtcNow()));
        Assert.Equal(0, await Responses.EraseCustomerAsync("cus_dana", Time.GetUtcNow()));
        Assert.Equal(token, (await Surveys.GetAsync(survey.Id))!.Token);
        AssertSameResponse(answer!, await Responses.GetAsync(SurveyResponseId(survey)));
        Assert.Equal(9, answer!.Score);
    }

    [Fact]
    public async Task ErasingAnUnknownCustomerChangesNothing()
    {
        await AddSurveysAsync(SampleSurvey());
        await AddResponsesAsync(SampleResponse());

        Assert.Equal(0, await Housekeeping.EraseCustomerAsync("cus_nobody", Time.GetUtcNow()));
        Assert.Equal(0, await Responses.EraseCustomerAsync("cus_nobody", Time.GetUtcNow()));
    }

    private static string SurveyResponseId(Survey survey) => Core.Responses.SurveyResponse.IdForSurvey(survey.Id);
}
