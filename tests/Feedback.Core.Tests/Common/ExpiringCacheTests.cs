using Feedback.Core.Common;
using Microsoft.Extensions.Time.Testing;

namespace Feedback.Core.Tests.Common;

public sealed class ExpiringCacheTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
    private int _reads;

    private Task<string?> ReadAsync(string? value)
    {
        _reads++;
        return Task.FromResult(value);
    }

    private Task<string?> GetAsync(ExpiringCache<string> cache, string? value) =>
        cache.GetOrReadAsync("k", value, (v, _) => ReadAsync(v), CancellationToken.None);

    [Fact]
    public async Task AValueIsServedUntilItsTimeIsUpThenReadAgain()
    {
        var cache = new ExpiringCache<string>(Ttl, 10, _time);
        await GetAsync(cache, "first");

        _time.Advance(Ttl - TimeSpan.FromTicks(1));
        var kept = await GetAsync(cache, "second");
        _time.Advance(TimeSpan.FromTicks(1));
        var reread = await GetAsync(cache, "second");

        Assert.Equal(("first", "second", 2), (kept, reread, _reads));
    }

    [Fact]
    public async Task ANullReadIsNotKept()
    {
        var cache = new ExpiringCache<string>(Ttl, 10, _time);

        Assert.Null(await GetAsync(cache, null));
        Assert.Equal("now", await GetAsync(cache, "now"));
        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task AReadUnderWayWhenClearedIsNeverServed()
    {
        var cache = new ExpiringCache<string>(Ttl, 10, _time);
        var slow = new TaskCompletionSource<string?>();
        var racing = cache.GetOrReadAsync("k", slow, (s, _) => s.Task, CancellationToken.None);

        cache.Clear();
        slow.SetResult("stale");
        await racing;

        Assert.Equal("fresh", await GetAsync(cache, "fresh"));
    }

    [Fact]
    public async Task PastMaxEntriesTheCacheStartsOver()
    {
        var cache = new ExpiringCache<string>(Ttl, 2, _time);
        await cache.GetOrReadAsync("a", "a", (v, _) => ReadAsync(v), CancellationToken.None);
        await cache.GetOrReadAsync("b", "b", (v, _) => ReadAsync(v), CancellationToken.None);

        await cache.GetOrReadAsync("c", "c", (v, _) => ReadAsync(v), CancellationToken.None);
        var a = await cache.GetOrReadAsync("a", "a again", (v, _) => ReadAsync(v), CancellationToken.None);

        Assert.Equal(("a again", 4), (a, _reads));
    }
}
