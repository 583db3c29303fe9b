using Feedback.Core.Surveys;

namespace Feedback.Api.Tests.Answers;

public sealed class ReminderAfterAnswerTests : AnswerPagesFixture
{
    [Fact]
    public async Task AnAnsweredSurveyGetsNoReminderWhileAnUnansweredOneDoes()
    {
        await CreateTemplateAsync(t => t["reminderAfter"] = "P2D");
        var answered = await SendSurveyAsync("e-1", email: "jan@example.sk");
        var unanswered = await SendSurveyAsync("e-2", email: "eva@example.sk");
        await Browser.GetAsync($"/s/{answered.Token}?score=5");

        Factory.Time.Advance(TimeSpan.FromDays(2));
        var reminded = await Housekeeping.SendRemindersAsync();

        Assert.Equal(1, reminded);
        var mail = Mail;
        Assert.Equal(1, mail.Count(m => m.To == "jan@example.sk"));
        Assert.Equal(2, mail.Count(m => m.To == "eva@example.sk"));
        Assert.Null((await Surveys.GetAsync(answered.Id))!.ReminderSentAt);
        Assert.NotNull((await Surveys.GetAsync(unanswered.Id))!.ReminderSentAt);
        Assert.Equal(SurveyStatus.Answered, (await Surveys.GetAsync(answered.Id))!.Status);
    }
}
