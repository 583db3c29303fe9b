using Feedback.Core.Surveys;

namespace Feedback.Storage.Contract;

// ISurveyStore: delivery reports from the mail provider, the first of each kept.
public abstract partial class SurveyStoreContract<TAdapter>
{
    [Fact]
    public async Task StampKeepsTheFirstDeliveryAndOpenReports()
    {
        var now = Time.GetUtcNow();
        var survey = SampleSentSurvey(now, now.AddDays(2), now.AddDays(14));
        await AddSurveysAsync(survey);
        var delivered = now.AddSeconds(3).AddMilliseconds(120);
        var opened = now.AddMinutes(7).AddMilliseconds(9);

        await Surveys.StampAsync(survey.Id, delivered, null);
        var afterDelivery = await Surveys.GetAsync(survey.Id);
        await Surveys.StampAsync(survey.Id, delivered.AddSeconds(1), opened);
        await Surveys.StampAsync(survey.Id, null, opened.AddMinutes(1));
        await Surveys.StampAsync(survey.Id, delivered.AddMinutes(5), opened.AddMinutes(5));

        AssertSameSurvey(survey with { DeliveredAt = delivered }, afterDelivery);
        AssertSameSurvey(survey with { DeliveredAt = delivered, OpenedAt = opened }, await Surveys.GetAsync(survey.Id));
    }

    [Fact]
    public async Task StampOfAnUnknownSurveyStoresNothing()
    {
        var now = Time.GetUtcNow();

        await Surveys.StampAsync("srv_unknown", now, now.AddMinutes(1));

        Assert.Null(await Surveys.GetAsync("srv_unknown"));
        Assert.Empty((await Surveys.ListAsync(new())).Items);
    }
}
