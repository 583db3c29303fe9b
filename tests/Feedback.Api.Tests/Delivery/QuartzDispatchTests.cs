namespace Feedback.Api.Tests.Delivery;

public sealed class QuartzDispatchTests : DeliveryFixture
{
    protected override bool SchedulingEnabled => true;

    protected override string PollInterval => "00:00:01";

    [Fact]
    public async Task QuartzJobSendsDueSurveysOnItsOwn()
    {
        await CreateTemplateAsync(t => t["delay"] = "PT0S");
        var id = await PostEventAsync("e-1", "en", "amy@example.co.uk");

        // Quartz takes its clock from the injected TimeProvider, so its triggers fire as the fake clock moves.
        for (var step = 0; step < 200 && SendGrid.Requests.Count == 0; step++)
        {
            Factory.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Single(Personalizations());
        Assert.Equal(id, Personalizations()[0].Personalization.GetProperty("custom_args").GetProperty("survey_id").GetString());
    }
}
