using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Feedback.Testing;

/// <summary>One webhook POST as the receiver got it.</summary>
public sealed record ReceivedWebhook(string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string? Header(string name) => Headers.GetValueOrDefault(name);
}

/// <summary>
/// A webhook receiver on a loopback port (Kestrel, <c>http://127.0.0.1:0</c>): records every POST to any path and answers
/// with the next queued status code, then 200. Webhook URLs pointing here need <c>Feedback:Webhooks:AllowPrivateNetworks</c>.
/// </summary>
public sealed class FakeWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _statuses = new();
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();

    private FakeWebhookReceiver(WebApplication app) => _app = app;

    /// <summary>Base URL without a trailing slash, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>What arrived so far, oldest first.</summary>
    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public static async Task<FakeWebhookReceiver> StartAsync()
    {
        var receiver = new FakeWebhookReceiver(LoopbackApp.Create());
        receiver._app.MapPost("/{**path}", receiver.HandleAsync);
        receiver.BaseUrl = await LoopbackApp.StartAsync(receiver._app);
        return receiver;
    }

    /// <summary>Answers the next POST (after those already queued) with <paramref name="status"/>.</summary>
    public void Enqueue(int status) => _statuses.Enqueue(status);

    public async ValueTask DisposeAsync()
    {
        await LoopbackApp.StopAsync(_app);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _received.Enqueue(new ReceivedWebhook(context.Request.Path, headers, body));
        context.Response.StatusCode = _statuses.TryDequeue(out var status) ? status : StatusCodes.Status200OK;
    }
}
