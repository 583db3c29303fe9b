using Feedback.Core.Storage;
using Feedback.Email.SendGrid;

namespace Feedback.Email.Tests;

public sealed class SendGridEventsTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("null")]
    public void BodyThatIsNotAJsonArrayIsNoBatch(string payload) => Assert.Null(SendGridEvents.Parse(payload, ReceivedAt));

    [Fact]
    public void BounceSuppressesTheAddressLowerCasedAtSendGridsTime()
    {
        var e = Assert.Single(SendGridEvents.Parse("""[{"event":"bounce","email":"Jan@Example.sk","timestamp":1795000000}]""", ReceivedAt)!);

        Assert.Equal(new Suppression("jan@example.sk", "bounce", "sendgrid", DateTimeOffset.FromUnixTimeSeconds(1795000000)), e.Suppression);
    }

    [Theory]
    [InlineData("""{"event":"bounce","email":"not an address"}""")]
    [InlineData("""{"event":"processed","email":"jan@example.sk"}""")]
    [InlineData("""{"event":"delivered","email":"jan@example.sk"}""")]
    public void OnlySuppressingEventsOfValidAddressesSuppress(string entry) =>
        Assert.Null(Assert.Single(SendGridEvents.Parse($"[{entry}]", ReceivedAt)!).Suppression);

    [Fact]
    public void DeliveredAndOpenStampTheirSurveyAndEntriesThatAreNotObjectsAreSkipped()
    {
        var events = SendGridEvents.Parse(
            """[1, "x", {"event":"delivered","survey_id":"srv_1","timestamp":1795000000}, {"event":"open","survey_id":"srv_1","timestamp":"soon"}]""", ReceivedAt)!;

        Assert.Equal(2, events.Count);
        Assert.Equal((DateTimeOffset.FromUnixTimeSeconds(1795000000), (DateTimeOffset?)null), (events[0].DeliveredAt!.Value, events[0].OpenedAt));
        Assert.Equal(((DateTimeOffset?)null, ReceivedAt), (events[1].DeliveredAt, events[1].OpenedAt!.Value));
        Assert.All(events, e => Assert.Equal("srv_1", e.SurveyId));
    }
}
