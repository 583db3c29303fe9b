using System.Collections.Concurrent;

namespace Feedback.Core.Common;

/// <summary>
/// Values read from a store, kept in this process for <c>ttl</c> after the read. <see cref="Clear"/> drops them at once:
/// every entry carries the generation it was read in, so a read that raced a Clear is never served. A null read is not
/// kept, and past <c>maxEntries</c> (keys chosen by callers) the cache starts over instead of growing.
/// </summary>
public sealed class ExpiringCache<TValue>(TimeSpan ttl, int maxEntries, TimeProvider time) where TValue : class
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    public async Task<TValue?> GetOrReadAsync<TState>(
        string key, TState state, Func<TState, CancellationToken, Task<TValue?>> read, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var generation = Interlocked.Read(ref _generation);
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == generation && now - entry.ReadAt < ttl)
        {
            return entry.Value;
        }
        var value = await read(state, ct);
        if (value is null)
        {
            _entries.TryRemove(key, out _);
            return null;
        }
        if (_entries.Count >= maxEntries)
        {
            _entries.Clear();
        }
        _entries[key] = new Entry(value, now, generation);
        return value;
    }

    /// <summary>Drops every kept value, and any read still under way when this is called.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private sealed record Entry(TValue Value, DateTimeOffset ReadAt, long Generation);
}
