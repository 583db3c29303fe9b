using System.Net;
using System.Net.Sockets;
using Feedback.Core.Surveys;

namespace Feedback.Api.Tests.Delivery;

/// <summary>SendGrid's address refuses connections (nothing listens there): the survey stays in the outbox for a later try.</summary>
public sealed class SendGridUnreachableTests : DeliveryFixture
{
    private readonly int _closedPort = ClosedPort();

    protected override string SendGridBaseUrl => $"http://127.0.0.1:{_closedPort}";

    [Fact]
    public async Task ConnectionRefusedKeepsTheSurveyScheduledForALaterTry()
    {
        await CreateTemplateAsync(t => t["delay"] = "PT0S");
        var id = await PostEventAsync("e-1", "en", "amy@example.co.uk");

        await Dispatcher.DispatchDueAsync();
        await Dispatcher.DispatchDueAsync();

        var survey = await SurveyAsync(id);
        Assert.Equal((SurveyStatus.Scheduled, 1), (survey.Status, survey.Attempts));
        Assert.Contains("unreachable", survey.FailureReason);
        Assert.True(survey.SendAt > Factory.Time.GetUtcNow(), "the retry waits for a backoff");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
