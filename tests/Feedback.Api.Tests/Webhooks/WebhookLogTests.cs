using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Api.Tests.Responses;
using Feedback.Core.Auth;
using Feedback.Core.Webhooks;
using Microsoft.Extensions.Logging;

namespace Feedback.Api.Tests.Webhooks;

/// <summary>A failed delivery attempt is one warning line an operator can act on: target, status or error, attempt number.</summary>
public sealed class WebhookLogTests : WebhookFixture
{
    [Fact]
    public async Task ReceiverAnswering500LogsOneWarningLineWithTheStatusAndAttempt()
    {
        await SubscribeAsync([WebhookEvents.ResponseCreated], path: "/hooks/secret-path");
        await RecordAnswerAsync();
        Receiver.Enqueue(500);

        var line = await AttemptAndReadTheLogAsync();

        Assert.Contains($"to {Receiver.BaseUrl} ", line.Message);
        Assert.Contains("the receiver answered 500", line.Message);
        Assert.Contains("attempt 1 of 3", line.Message);
        Assert.DoesNotContain("secret-path", line.Message);
    }

    [Fact]
    public async Task UnreachableReceiverLogsOneWarningLineWithTheErrorAndNoStackTrace()
    {
        var target = $"http://127.0.0.1:{ClosedPort()}";
        var created = await Admin.PostAsJsonAsync("/v1/webhooks", new { url = target + "/hooks", events = new[] { WebhookEvents.ResponseCreated } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await RecordAnswerAsync();

        var line = await AttemptAndReadTheLogAsync();

        Assert.Contains($"to {target} ", line.Message);
        Assert.Contains("refused", line.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("attempt 1 of 3", line.Message);
    }

    private async Task RecordAnswerAsync()
    {
        var templateId = await Factory.CreateTemplateAsync("nps");
        using var ingest = await Factory.CreateClientAsync(ApiScope.Ingest);
        await ingest.RecordAsync(ResponseBodies.Phone("call-1", templateId, score: 2));
    }

    // Runs one delivery round and returns the single line it logged, after checking that nothing else was logged.
    private async Task<CapturedLogs.LogEntry> AttemptAndReadTheLogAsync()
    {
        var before = Factory.Logs.Entries.Count;

        Assert.Equal(1, await DeliverAsync());

        var logged = Factory.Logs.Entries.Skip(before).ToList();
        Assert.DoesNotContain(logged, e => e.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
        Assert.DoesNotContain(logged, e => e.Exception is not null);
        var line = Assert.Single(logged, e => e.Category == typeof(WebhookDeliverer).FullName);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.DoesNotContain("\n", line.Message);
        return line;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
