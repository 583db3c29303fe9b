using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Feedback.Testing;

/// <summary>One <c>POST /v3/mail/send</c> as the fake received it; <see cref="Json"/> parses the body.</summary>
public sealed record RecordedSendGridRequest(string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string? Header(string name) => Headers.GetValueOrDefault(name);
}

/// <summary>What the fake answers to one request; <see cref="Delay"/> holds the answer back (for client timeouts).</summary>
public sealed record FakeSendGridResponse(
    int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default)
{
    public static readonly FakeSendGridResponse Accepted = new(StatusCodes.Status202Accepted);

    public static FakeSendGridResponse Error(int status, string message) =>
        new(status, JsonSerializer.Serialize(new { errors = new[] { new { message, field = (string?)null, help = (string?)null } } }),
            new Dictionary<string, string> { ["Content-Type"] = "application/json" });
}

/// <summary>
/// A stand-in for SendGrid's v3 API on a loopback port (Kestrel, <c>http://127.0.0.1:0</c>): records every
/// <c>POST /v3/mail/send</c> and answers from a queue of scripted responses, then with 202. Point
/// <c>Feedback:SendGrid:BaseUrl</c> at <see cref="BaseUrl"/>. Self-contained: depends on ASP.NET Core only.
/// </summary>
public sealed class FakeSendGridServer : IAsyncDisposable
{
    public const string MailSendPath = "/v3/mail/send";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeSendGridResponse> _responses = new();
    private readonly ConcurrentQueue<RecordedSendGridRequest> _requests = new();

    private FakeSendGridServer(WebApplication app) => _app = app;

    /// <summary>Base URL without a trailing slash, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The Event Webhook: posts <c>processed</c> events for accepted requests once given a target.</summary>
    public FakeSendGridEvents Events { get; } = new();

    /// <summary>The requests so far, oldest first.</summary>
    public IReadOnlyList<RecordedSendGridRequest> Requests => [.. _requests];

    public static async Task<FakeSendGridServer> StartAsync()
    {
        var server = new FakeSendGridServer(LoopbackApp.Create());
        server._app.MapPost(MailSendPath, server.HandleAsync);
        server.BaseUrl = await LoopbackApp.StartAsync(server._app);
        return server;
    }

    /// <summary>The answer when no scripted one is queued: 202 unless a test makes SendGrid slow, failing or hanging for a while.</summary>
    public FakeSendGridResponse Default { get; set; } = FakeSendGridResponse.Accepted;

    /// <summary>Answers the next request (after those already queued) with <paramref name="response"/>.</summary>
    public void Enqueue(FakeSendGridResponse response) => _responses.Enqueue(response);

    public void Enqueue(int status, string? body = null, IReadOnlyDictionary<string, string>? headers = null) =>
        Enqueue(new FakeSendGridResponse(status, body, headers));

    /// <summary>Waits until at least <paramref name="count"/> requests arrived (for senders running in the background).</summary>
    public async Task<IReadOnlyList<RecordedSendGridRequest>> WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (_requests.Count < count)
        {
            await Task.Delay(20, cts.Token);
        }
        return Requests;
    }

    /// <summary>Forgets recorded requests and queued responses, and answers 202 again.</summary>
    public void Reset()
    {
        _requests.Clear();
        _responses.Clear();
        Default = FakeSendGridResponse.Accepted;
    }

    public async ValueTask DisposeAsync()
    {
        await Events.DisposeAsync();
        await LoopbackApp.StopAsync(_app);
    }

    private void ProcessIfAccepted(FakeSendGridResponse response, string body)
    {
        if (response.Status is >= 200 and < 300)
        {
            Events.Processed(body);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new RecordedSendGridRequest(context.Request.Path, headers, body));

        var response = _responses.TryDequeue(out var next) ? next : Default;
        if (response.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(response.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The sender is gone (killed, timed out), yet SendGrid processes what it accepted.
                ProcessIfAccepted(response, body);
                return;
            }
        }
        ProcessIfAccepted(response, body);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
        if (response.Body is not null)
        {
            await context.Response.WriteAsync(response.Body, context.RequestAborted);
        }
    }
}
