namespace Feedback.Api.Tests.Delivery;

public sealed class QuartzDispatchTests : DeliveryFixture
{
    protected override string PollInterval => "00:00:00.200";

    [Fact]
    public async Task QuartzJobSendsDueSurveysOnItsOwn()
    {
        await CreateTemplateAsync(t => t["delay"] = "PT0S");

        var id = await PostEventAsync("e-1", "en", "amy@example.co.uk");
        await SendGrid.WaitForRequestsAsync(1, TimeSpan.FromSeconds(30));

        Assert.Single(Personalizations());
        Assert.Equal(id, Personalizations()[0].Personalization.GetProperty("custom_args").GetProperty("survey_id").GetString());
    }
}
