using Feedback.Core.Surveys;

namespace Feedback.Api.Tests.Delivery;

public sealed class ReminderAndExpiryTests : DeliveryFixture
{
    [Fact]
    public async Task OneReminderGoesOutAfterReminderAfterAndTheSurveyExpiresLater()
    {
        await CreateTemplateAsync(t =>
        {
            t["delay"] = "PT0S";
            t["reminderAfter"] = "P2D";
            t["expiresAfter"] = "P14D";
        });
        var id = await PostEventAsync("e-1", "sk", "jan@example.sk");
        await Dispatcher.DispatchDueAsync();

        Factory.Time.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
        var early = await Housekeeping.SendRemindersAsync();
        Factory.Time.Advance(TimeSpan.FromMinutes(1));
        var due = await Housekeeping.SendRemindersAsync();
        var again = await Housekeeping.SendRemindersAsync();
        Factory.Time.Advance(TimeSpan.FromDays(12) - TimeSpan.FromMinutes(1));
        var notYet = await Housekeeping.ExpireAsync();
        Factory.Time.Advance(TimeSpan.FromMinutes(1));
        var expired = await Housekeeping.ExpireAsync();

        Assert.Equal((0, 1, 0), (early, due, again));
        Assert.Equal(2, SendGrid.Requests.Count);
        Assert.Equal((0, 1), (notYet, expired));
        var survey = await SurveyAsync(id);
        Assert.Equal(SurveyStatus.Expired, survey.Status);
        Assert.NotNull(survey.ReminderSentAt);
    }

    [Fact]
    public async Task ArchivingATemplateCancelsItsPendingSurveys()
    {
        var template = await CreateTemplateAsync();
        var id = await PostEventAsync("e-1", "sk", "jan@example.sk");

        (await Admin.DeleteAsync($"/v1/templates/{template}")).EnsureSuccessStatusCode();
        Factory.Time.Advance(TimeSpan.FromHours(2));
        await Dispatcher.DispatchDueAsync();

        Assert.Equal(SurveyStatus.Cancelled, (await SurveyAsync(id)).Status);
        Assert.Empty(SendGrid.Requests);
    }
}
