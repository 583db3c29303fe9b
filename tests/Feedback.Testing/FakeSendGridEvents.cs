using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Feedback.Testing;

/// <summary>
/// Where the fake posts its Event Webhook batches: <paramref name="Url"/> through <paramref name="Client"/> (relative for an
/// in-process test server), signed with <paramref name="Key"/> (ECDSA P-256) at <paramref name="Time"/>'s clock.
/// </summary>
public sealed record EventWebhookTarget(HttpClient Client, string Url, ECDsa Key, TimeProvider Time);

/// <summary>
/// SendGrid's Event Webhook, played by the fake: for every accepted request one batch with a <c>processed</c> event per
/// recipient, carrying the personalization's <c>custom_args</c> as top-level fields. Like SendGrid it keeps retrying a
/// batch until the receiver answers 2xx, in order, to whatever <see cref="Target"/> is at the time (a restarted service
/// has a new port). Batches wait while <see cref="Target"/> is null.
/// </summary>
public sealed class FakeSendGridEvents : IAsyncDisposable
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    private readonly ConcurrentQueue<(long QueuedAt, JsonArray Batch)> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private volatile EventWebhookTarget? _target;
    private int _delivered;

    public FakeSendGridEvents() => _loop = Task.Run(PostLoopAsync);

    /// <summary>Where batches go now; set it again when the receiver moves, null to hold them back.</summary>
    public EventWebhookTarget? Target
    {
        get => _target;
        set => _target = value;
    }

    /// <summary>How long a batch waits before its first post (SendGrid batches events, so they come a little later).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Events the receiver acknowledged so far.</summary>
    public int Delivered => Volatile.Read(ref _delivered);

    /// <summary>Batches not yet acknowledged.</summary>
    public int Pending => _pending.Count;

    /// <summary>Queues the <c>processed</c> events of one accepted <c>mail/send</c> body.</summary>
    public void Processed(string mailSendBody)
    {
        var batch = new JsonArray();
        using var request = JsonDocument.Parse(mailSendBody);
        foreach (var personalization in request.RootElement.GetProperty("personalizations").EnumerateArray())
        {
            var e = new JsonObject
            {
                ["email"] = personalization.GetProperty("to")[0].GetProperty("email").GetString(),
                ["event"] = "processed",
                ["sg_event_id"] = Guid.NewGuid().ToString("N"),
            };
            if (personalization.TryGetProperty("custom_args", out var args))
            {
                foreach (var arg in args.EnumerateObject())
                {
                    e[arg.Name] = arg.Value.GetString();
                }
            }
            batch.Add(e);
        }
        _pending.Enqueue((Stopwatch.GetTimestamp(), batch));
    }

    /// <summary>Waits until every queued batch was acknowledged.</summary>
    public async Task WaitUntilDeliveredAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (!_pending.IsEmpty)
        {
            await Task.Delay(20, cts.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task PostLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            if (Target is not { } target || !_pending.TryPeek(out var next) || Stopwatch.GetElapsedTime(next.QueuedAt) < Delay
                || !await TryPostAsync(target, next.Batch))
            {
                await Task.Delay(50, CancellationToken.None);
                continue;
            }
            _pending.TryDequeue(out _);
            Interlocked.Add(ref _delivered, next.Batch.Count);
        }
    }

    private async Task<bool> TryPostAsync(EventWebhookTarget target, JsonArray batch)
    {
        var now = target.Time.GetUtcNow().ToUnixTimeSeconds();
        foreach (var e in batch)
        {
            e!["timestamp"] = now;
        }
        var payload = batch.ToJsonString();
        var timestamp = now.ToString();
        var signature = target.Key.SignData(Encoding.UTF8.GetBytes(timestamp + payload), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add(SignatureHeader, Convert.ToBase64String(signature));
        request.Headers.Add(TimestampHeader, timestamp);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            using var response = await target.Client.SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            // The receiver is down (killed, restarting, disposed) or slow: SendGrid retries, and so does the fake.
            return false;
        }
    }
}
