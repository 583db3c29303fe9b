using Feedback.Core.Common;
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

    // A bound on memory against a flood of distinct valid keys.
    private readonly ExpiringCache<ApiKey> _byHash = new(Ttl, maxEntries: 10_000, time);

    /// <summary>The active key whose secret is <paramref name="secret"/>, or null when it is unknown or revoked.</summary>
    public Task<ApiKey?> FindActiveAsync(string secret, CancellationToken ct = default)
    {
        var hash = ApiKeySecrets.Hash(secret);
        return _byHash.GetOrReadAsync(hash, (keys, hash), static async (s, ct) =>
            await s.keys.FindBySecretHashAsync(s.hash, ct) is { IsActive: true } key ? key : null, ct);
    }

    /// <summary>Drops every kept key; call after a key is revoked or replaced through this replica.</summary>
    public void Forget() => _byHash.Clear();
}
