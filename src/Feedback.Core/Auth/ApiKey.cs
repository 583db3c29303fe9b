namespace Feedback.Core.Auth;

/// <summary>What an API key may do. <c>admin</c> includes the others.</summary>
public enum ApiScope { Admin, Ingest, Read }

/// <summary>A stored API key: only the SHA-256 hash of the secret is kept.</summary>
public sealed record ApiKey(
    string Id,
    string Name,
    IReadOnlyList<ApiScope> Scopes,
    string SecretHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt = null)
{
    public bool IsActive => RevokedAt is null;

    public bool Allows(ApiScope scope) => IsActive && (Scopes.Contains(ApiScope.Admin) || Scopes.Contains(scope));
}
