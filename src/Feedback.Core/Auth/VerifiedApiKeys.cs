using System.Collections.Concurrent;
using Feedback.Core.Storage;

namespace Feedback.Core.Auth;

/// <summary>
/// Active API keys by the hash of their secret, as every authenticated request looks them up, kept in this process for
/// <see cref="Ttl"/> after the store confirmed them. Revocation bound: a key revoked through this replica
/// (<see cref="Forget"/>) is refused here at once; another replica keeps accepting it for at most <see cref="Ttl"/>.
/// Unknown and revoked keys are never kept, so a new key works at once everywhere.
/// </summary>
public sealed class VerifiedApiKeys(IApiKeyStore keys, TimeProvider time)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    // A bound on memory against a flood of distinct valid keys; past it the cache starts over.
    private const int MaxKeys = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _byHash = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>The active key whose secret is <paramref name="secret"/>, or null when it is unknown or revoked.</summary>
    public async Task<ApiKey?> FindActiveAsync(string secret, CancellationToken ct = default)
    {
        var hash = ApiKeySecrets.Hash(secret);
        var now = time.GetUtcNow();
        var generation = Interlocked.Read(ref _generation);
        if (_byHash.TryGetValue(hash, out var entry) && entry.Generation == generation && now - entry.VerifiedAt < Ttl)
        {
            return entry.Key;
        }
        var key = await keys.FindBySecretHashAsync(hash, ct);
        if (key is not { IsActive: true })
        {
            _byHash.TryRemove(hash, out _);
            return null;
        }
        if (_byHash.Count >= MaxKeys)
        {
            _byHash.Clear();
        }
        // A lookup that raced a Forget carries the old generation and is never served.
        _byHash[hash] = new Entry(key, now, generation);
        return key;
    }

    /// <summary>Drops every kept key; call after a key is revoked or replaced through this replica.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _byHash.Clear();
    }

    private sealed record Entry(ApiKey Key, DateTimeOffset VerifiedAt, long Generation);
}
