using System.Diagnostics.Metrics;
using System.Globalization;
using Feedback.Core.Delivery;
using Feedback.Core.Storage;

namespace Feedback.Api.Hosting.Storage;

/// <summary>
/// The last time the store refused a request (<see cref="StorageUnavailableException"/>), for <c>/readyz</c>, and the
/// metric <c>feedback.storage.faults{fault}</c>. The store counts as unavailable for <see cref="RetryAfter"/> after its
/// last fault, the time callers are told to wait: a breaker that real traffic closes again, so no probe writes.
/// </summary>
public sealed class StorageHealth
{
    /// <summary>What a 503 for a storage fault tells callers to wait (<c>Retry-After</c>).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    /// <summary><see cref="RetryAfter"/> as the header's value, in seconds.</summary>
    public static string RetryAfterHeader => ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    private readonly TimeProvider _time;
    private readonly Counter<long> _faults;
    private volatile Fault? _last;

    public StorageHealth(TimeProvider time, IMeterFactory meters)
    {
        _time = time;
        _faults = meters.Create(DeliveryMetrics.MeterName).CreateCounter<long>("feedback.storage.faults", "{request}",
            "Requests refused with 503 because the store could not take them (full disk, read-only or locked store, I/O error).");
    }

    public void Refused(StorageUnavailableException e)
    {
        _last = new Fault(e.Fault, e.Message, _time.GetUtcNow());
        _faults.Add(1, new KeyValuePair<string, object?>("fault", Name(e.Fault)));
    }

    /// <summary>The last fault while it is younger than <see cref="RetryAfter"/>, else null.</summary>
    public Fault? Current => _last is { } last && _time.GetUtcNow() - last.At < RetryAfter ? last : null;

    /// <summary><c>disk_full</c>, <c>read_only</c>, <c>locked</c>, <c>io_error</c>: the metric's tag and the log's word.</summary>
    public static string Name(StorageFault fault) => fault switch
    {
        StorageFault.DiskFull => "disk_full",
        StorageFault.ReadOnly => "read_only",
        StorageFault.Locked => "locked",
        _ => "io_error",
    };

    public sealed record Fault(StorageFault Kind, string Reason, DateTimeOffset At);
}
