using System.Collections.Concurrent;
using System.Diagnostics;

namespace Feedback.Bench.Harness;

/// <summary>The figures of one load run: completed requests, failures (non-success or exceptions), time taken, latencies.</summary>
public sealed record LoadResult(long Requests, long Failures, TimeSpan Elapsed, Latencies Latencies)
{
    public double PerSecond => Requests / Elapsed.TotalSeconds;

    public string? FirstFailure { get; init; }
}

/// <summary>Drives requests and records each one's latency; <paramref name="send"/> gets the request number and says whether it succeeded.</summary>
public static class Load
{
    /// <summary>Closed loop: <paramref name="workers"/> callers each send the next request as soon as the last one answers, for <paramref name="duration"/>.</summary>
    public static async Task<LoadResult> ClosedAsync(int workers, TimeSpan duration, Func<long, Task<bool>> send)
    {
        var next = -1L;
        var samples = new ConcurrentBag<List<long>>();
        var failures = 0L;
        string? firstFailure = null;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            var mine = new List<long>(4096);
            samples.Add(mine);
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await TryAsync(send, Interlocked.Increment(ref next));
                mine.Add(Stopwatch.GetTimestamp() - started);
                if (ok is not null)
                {
                    Interlocked.Increment(ref failures);
                    Interlocked.CompareExchange(ref firstFailure, ok, null);
                }
            }
        })));
        var elapsed = clock.Elapsed;
        return new LoadResult(samples.Sum(s => s.Count), failures, elapsed, new Latencies(samples.SelectMany(s => s))) { FirstFailure = firstFailure };
    }

    /// <summary>
    /// Open loop: requests start at a fixed rate whatever the answers do, so a slow answer cannot hide the queueing it
    /// causes (latency is measured from the planned start).
    /// </summary>
    public static Task<LoadResult> FixedRateAsync(double perSecond, TimeSpan duration, Func<long, Task<bool>> send) =>
        FixedRateAsync(perSecond, (long)(perSecond * duration.TotalSeconds), send);

    /// <summary>Open loop for a fixed number of requests (<paramref name="total"/>) at <paramref name="perSecond"/>.</summary>
    public static async Task<LoadResult> FixedRateAsync(double perSecond, long total, Func<long, Task<bool>> send)
    {
        var samples = new long[total];
        var failures = 0L;
        string? firstFailure = null;
        var tasks = new List<Task>((int)total);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0L; i < total; i++)
        {
            var planned = start + (long)(i * Stopwatch.Frequency / perSecond);
            while (Stopwatch.GetTimestamp() < planned)
            {
                var wait = Latencies.Milliseconds(planned - Stopwatch.GetTimestamp());
                if (wait > 2)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(wait - 1));
                }
                else
                {
                    Thread.SpinWait(50);
                }
            }
            var n = i;
            tasks.Add(Task.Run(async () =>
            {
                var error = await TryAsync(send, n);
                samples[n] = Stopwatch.GetTimestamp() - planned;
                if (error is not null)
                {
                    Interlocked.Increment(ref failures);
                    Interlocked.CompareExchange(ref firstFailure, error, null);
                }
            }));
        }
        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(start);
        return new LoadResult(total, failures, elapsed, new Latencies(samples)) { FirstFailure = firstFailure };
    }

    private static async Task<string?> TryAsync(Func<long, Task<bool>> send, long n)
    {
        try
        {
            return await send(n) ? null : "unexpected status";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return e.Message;
        }
    }
}
