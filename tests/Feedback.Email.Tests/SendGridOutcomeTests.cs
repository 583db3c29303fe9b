using System.Net;
using System.Net.Sockets;
using Feedback.Core.Delivery;
using Feedback.Email.SendGrid;
using Feedback.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Feedback.Email.Tests.TestEmails;

namespace Feedback.Email.Tests;

public sealed class SendGridOutcomeTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private FakeSendGridServer _sendGrid = null!;

    public async ValueTask InitializeAsync() => _sendGrid = await FakeSendGridServer.StartAsync();

    public async ValueTask DisposeAsync() => await _sendGrid.DisposeAsync();

    private async Task<SendOutcome> SendAsync(string? baseUrl = null, TimeSpan? timeout = null, CancellationToken ct = default)
    {
        await using var services = Services(SendGridSettings(baseUrl ?? _sendGrid.BaseUrl), _time, s =>
        {
            if (timeout is { } t)
            {
                s.AddHttpClient(SendGridEmailSender.HttpClientName, http => http.Timeout = t);
            }
        });
        return await services.GetRequiredService<IEmailSender>().SendAsync(Batch(2), ct);
    }

    [Fact]
    public async Task AcceptedWhenSendGridAnswers202()
    {
        _sendGrid.Enqueue(202);

        Assert.Equal(SendOutcome.Accepted, await SendAsync());
    }

    [Fact]
    public async Task TooManyRequestsIsRetryLaterAfterTheSecondsSendGridAsks()
    {
        _sendGrid.Enqueue(429, headers: new Dictionary<string, string> { ["Retry-After"] = "120" });

        var outcome = await SendAsync();

        Assert.Equal(SendResult.RetryLater, outcome.Result);
        Assert.Equal(TimeSpan.FromSeconds(120), outcome.RetryAfter);
    }

    [Fact]
    public async Task RetryAfterAsAnHttpDateCountsFromNow()
    {
        var at = _time.GetUtcNow().AddSeconds(90);
        _sendGrid.Enqueue(429, headers: new Dictionary<string, string> { ["Retry-After"] = at.ToString("R") });

        var outcome = await SendAsync();

        Assert.Equal(new SendOutcome(SendResult.RetryLater, outcome.Reason, TimeSpan.FromSeconds(90)), outcome);
    }

    [Fact]
    public async Task TooManyRequestsWithoutRetryAfterLeavesTheWaitToTheCaller()
    {
        _sendGrid.Enqueue(429);

        var outcome = await SendAsync();

        Assert.Equal(SendResult.RetryLater, outcome.Result);
        Assert.Null(outcome.RetryAfter);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task ServerErrorIsRetryLater(int status)
    {
        _sendGrid.Enqueue(FakeSendGridResponse.Error(status, "Internal error"));

        var outcome = await SendAsync();

        Assert.Equal(SendResult.RetryLater, outcome.Result);
        Assert.Equal($"SendGrid {status}: Internal error", outcome.Reason);
    }

    [Fact]
    public async Task BadRequestIsRejectedWithSendGridsMessage()
    {
        _sendGrid.Enqueue(FakeSendGridResponse.Error(400, "The from address does not match a verified Sender Identity."));

        var outcome = await SendAsync();

        Assert.Equal(SendResult.Rejected, outcome.Result);
        Assert.Equal("SendGrid 400: The from address does not match a verified Sender Identity.", outcome.Reason);
    }

    [Fact]
    public async Task RejectionReasonIsCutTo500Characters()
    {
        _sendGrid.Enqueue(FakeSendGridResponse.Error(413, new string('x', 2000)));

        var outcome = await SendAsync();

        Assert.Equal(SendResult.Rejected, outcome.Result);
        Assert.Equal(500, outcome.Reason!.Length);
        Assert.StartsWith("SendGrid 413: xxx", outcome.Reason);
    }

    [Fact]
    public async Task ErrorBodyThatIsNotSendGridJsonIsKeptAsTheReason()
    {
        _sendGrid.Enqueue(404, "<html>Not Found</html>");

        var outcome = await SendAsync();

        Assert.Equal(new SendOutcome(SendResult.Rejected, "SendGrid 404: <html>Not Found</html>"), outcome);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(408)]
    public async Task BadCredentialsAndTimeoutsKeepTheSurveysForLater(int status)
    {
        _sendGrid.Enqueue(status, "{\"errors\":[{\"message\":\"nope\"}]}");

        var outcome = await SendAsync();

        Assert.Equal(new SendOutcome(SendResult.RetryLater, $"SendGrid {status}: nope"), outcome);
    }

    [Fact]
    public async Task ClosedPortIsRetryLater()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var outcome = await SendAsync($"http://127.0.0.1:{port}");

        Assert.Equal(SendResult.RetryLater, outcome.Result);
        Assert.StartsWith("SendGrid unreachable: ", outcome.Reason);
    }

    [Fact]
    public async Task TimeoutIsRetryLater()
    {
        _sendGrid.Enqueue(new FakeSendGridResponse(202, Delay: TimeSpan.FromSeconds(5)));

        var outcome = await SendAsync(timeout: TimeSpan.FromMilliseconds(200));

        Assert.Equal(new SendOutcome(SendResult.RetryLater, "SendGrid did not answer within 0.2 s"), outcome);
    }

    [Fact]
    public async Task CallersCancellationIsNotAnOutcome()
    {
        _sendGrid.Enqueue(new FakeSendGridResponse(202, Delay: TimeSpan.FromSeconds(5)));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SendAsync(ct: cts.Token));
    }
}
