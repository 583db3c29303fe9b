using Feedback.Core.Surveys;

namespace Feedback.Storage.Contract;

// ISurveyStore: single surveys read back whole, by id and by the token of the customer pages.
public abstract partial class SurveyStoreContract<TAdapter> : StorageContract<TAdapter> where TAdapter : StorageUnderTest, new()
{
    [Fact]
    public async Task AddedSurveyReadsBackByIdAndByTokenWithEveryField()
    {
        var now = Time.GetUtcNow();
        var survey = SampleSurvey() with
        {
            // Given with an offset: the store keeps the instant, whatever the offset it reads back with.
            SendAt = new DateTimeOffset(2026, 11, 24, 11, 30, 0, 125, TimeSpan.FromHours(2)),
            Status = SurveyStatus.Answered,
            Attempts = 2,
            LeaseOwner = "worker-a",
            LeaseUntil = now.AddMinutes(5).AddMilliseconds(1),
            SentAt = now.AddMilliseconds(2),
            ReminderAt = now.AddDays(2).AddMilliseconds(3),
            ReminderSentAt = now.AddDays(2).AddMilliseconds(4),
            ExpiresAt = now.AddDays(14).AddMilliseconds(5),
            DeliveredAt = now.AddSeconds(3).AddMilliseconds(6),
            OpenedAt = now.AddHours(1).AddMilliseconds(7),
            AnsweredAt = now.AddHours(1).AddMilliseconds(8),
            CancelledAt = now.AddHours(2).AddMilliseconds(9),
            FailureReason = "421 4.7.0 try again later",
        };

        Assert.True(await Surveys.TryAddAsync(survey));

        AssertSameSurvey(survey, await Surveys.GetAsync(survey.Id));
        AssertSameSurvey(survey, await Surveys.GetByTokenAsync(survey.Token));
    }

    [Fact]
    public async Task MinimalSurveyReadsBackWithItsNullsAndNoProperties()
    {
        var survey = SampleSurvey() with
        {
            EventId = null,
            Customer = new Customer("cus_min", "min@example.com"),
            Locale = "en",
            Properties = new Dictionary<string, string>(),
        };

        await AddSurveysAsync(survey);

        var stored = await Surveys.GetAsync(survey.Id);
        AssertSameSurvey(survey, stored);
        Assert.Empty(stored!.Properties);
    }

    [Fact]
    public async Task UnknownSurveyIsNullByIdAndByToken()
    {
        var known = SampleSurvey();
        await AddSurveysAsync(known);

        Assert.Null(await Surveys.GetAsync("srv_unknown"));
        Assert.Null(await Surveys.GetByTokenAsync(SurveyTokens.New()));
        Assert.Null(await Surveys.GetByTokenAsync(known.Id));
        Assert.Null(await Surveys.GetAsync(known.Token));
    }
}
