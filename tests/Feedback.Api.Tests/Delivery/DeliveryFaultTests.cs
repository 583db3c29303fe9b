using Feedback.Core.Surveys;
using Feedback.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Api.Tests.Delivery;

public sealed class DeliveryFaultTests : DeliveryFixture
{
    private async Task<string> DueSurveyAsync()
    {
        await CreateTemplateAsync(t => t["delay"] = "PT0S");
        return await PostEventAsync("e-1", "en", "amy@example.co.uk");
    }

    [Fact]
    public async Task TooManyRequestsIsRetriedAfterRetryAfterAndSentOnce()
    {
        var id = await DueSurveyAsync();
        SendGrid.Enqueue(429, null, new Dictionary<string, string> { ["Retry-After"] = "60" });

        await Dispatcher.DispatchDueAsync();
        var waiting = await SurveyAsync(id);
        Factory.Time.Advance(TimeSpan.FromSeconds(59));
        await Dispatcher.DispatchDueAsync();
        Factory.Time.Advance(TimeSpan.FromSeconds(1));
        await Dispatcher.DispatchDueAsync();

        Assert.Equal(SurveyStatus.Scheduled, waiting.Status);
        Assert.Equal(Factory.Time.GetUtcNow(), waiting.SendAt);
        Assert.Equal(2, SendGrid.Requests.Count);
        Assert.Equal(SurveyStatus.Sent, (await SurveyAsync(id)).Status);
    }

    [Fact]
    public async Task ServerErrorsAreRetriedWithBackoffUntilAccepted()
    {
        var id = await DueSurveyAsync();
        for (var i = 0; i < 3; i++)
        {
            SendGrid.Enqueue(FakeSendGridResponse.Error(500, "internal error"));
        }

        var sendAts = new List<DateTimeOffset>();
        for (var round = 0; round < 4; round++)
        {
            await Dispatcher.DispatchDueAsync();
            var survey = await SurveyAsync(id);
            sendAts.Add(survey.SendAt);
            Factory.Time.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(4, SendGrid.Requests.Count);
        var sent = await SurveyAsync(id);
        Assert.Equal(SurveyStatus.Sent, sent.Status);
        Assert.Equal(4, sent.Attempts);
        // Each retry waits longer than the one before (exponential backoff).
        Assert.True(sendAts[1] - sendAts[0] < sendAts[2] - sendAts[1] + TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task BadRequestMarksTheSurveyFailedWithTheReason()
    {
        var id = await DueSurveyAsync();
        SendGrid.Enqueue(FakeSendGridResponse.Error(400, "The from email does not contain a valid address."));

        await Dispatcher.DispatchDueAsync();
        Factory.Time.Advance(TimeSpan.FromHours(2));
        await Dispatcher.DispatchDueAsync();

        var survey = await SurveyAsync(id);
        Assert.Equal(SurveyStatus.Failed, survey.Status);
        Assert.Contains("The from email does not contain a valid address.", survey.FailureReason);
        Assert.Single(SendGrid.Requests);
    }

    [Fact]
    public async Task SurveyClaimedByACrashedProcessIsSentOnceAfterItsLeaseRunsOut()
    {
        var id = await DueSurveyAsync();
        var crashed = await Outbox.ClaimDueAsync(Factory.Time.GetUtcNow(), "crashed-process", TimeSpan.FromMinutes(5), 10);

        await Dispatcher.DispatchDueAsync();
        Assert.Empty(SendGrid.Requests);
        Factory.Time.Advance(TimeSpan.FromMinutes(5));
        await Dispatcher.DispatchDueAsync();
        await Dispatcher.DispatchDueAsync();

        Assert.Equal(id, Assert.Single(crashed).Id);
        Assert.Single(SendGrid.Requests);
        Assert.Equal(SurveyStatus.Sent, (await SurveyAsync(id)).Status);
    }

    [Fact]
    public async Task AddressSuppressedAfterSchedulingIsNotSentWhileTheRestOfTheBatchIs()
    {
        await CreateTemplateAsync(t => t["delay"] = "PT0S");
        var amy = await PostEventAsync("e-1", "en", "Amy@Example.co.uk");
        var bob = await PostEventAsync("e-2", "en", "bob@example.co.uk");
        await Factory.Services.GetRequiredService<Core.Storage.ISuppressionStore>()
            .AddAsync(new Core.Storage.Suppression("amy@example.co.uk", "bounce", "test", Factory.Time.GetUtcNow()));

        await Dispatcher.DispatchDueAsync();

        Assert.Equal(SurveyStatus.Suppressed, (await SurveyAsync(amy)).Status);
        Assert.Equal(SurveyStatus.Sent, (await SurveyAsync(bob)).Status);
        Assert.Equal([bob], Personalizations().Select(p => p.Personalization.GetProperty("custom_args").GetProperty("survey_id").GetString()));
    }
}
