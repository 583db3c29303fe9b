using Feedback.Core.Auth;

namespace Feedback.Core.Storage;

/// <summary>API keys, looked up by the hash of their secret.</summary>
public interface IApiKeyStore
{
    /// <exception cref="DuplicateKeyException">A key with this id or secret hash exists.</exception>
    Task CreateAsync(ApiKey key, CancellationToken ct = default);

    /// <summary>Inserts or replaces the key with this id (used for the configured bootstrap admin key).</summary>
    /// <exception cref="DuplicateKeyException">Another key has this secret hash.</exception>
    Task UpsertAsync(ApiKey key, CancellationToken ct = default);

    Task<ApiKey?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>The key whose secret hashes to <paramref name="secretHash"/>, revoked or not; null when none.</summary>
    Task<ApiKey?> FindBySecretHashAsync(string secretHash, CancellationToken ct = default);

    /// <summary>All keys, revoked ones included, oldest first.</summary>
    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct = default);

    /// <summary>Marks the key revoked; false when unknown or already revoked.</summary>
    Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Whether any active key has the admin scope.</summary>
    Task<bool> AnyActiveAdminAsync(CancellationToken ct = default);
}
