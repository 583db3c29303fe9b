using System.Diagnostics;

namespace Feedback.Bench.Harness;

/// <summary>Recorded request latencies (Stopwatch ticks), sorted once, read as percentiles in milliseconds.</summary>
public sealed class Latencies
{
    private readonly long[] _sorted;

    public Latencies(IEnumerable<long> ticks)
    {
        _sorted = [.. ticks];
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;

    /// <summary>The smallest sample at or above <paramref name="percent"/> % of the samples (nearest rank).</summary>
    public double Percentile(double percent)
    {
        if (_sorted.Length == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(percent / 100 * _sorted.Length);
        return Milliseconds(_sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)]);
    }

    public double Max => Percentile(100);

    public static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    public Dictionary<string, object> Figures(string prefix = "") => new()
    {
        [$"{prefix}p50Ms"] = Round(Percentile(50)),
        [$"{prefix}p95Ms"] = Round(Percentile(95)),
        [$"{prefix}p99Ms"] = Round(Percentile(99)),
        [$"{prefix}maxMs"] = Round(Max),
    };

    public static double Round(double value) => Math.Round(value, 3);
}
