using Feedback.Core.Auth;

namespace Feedback.Storage.MongoDb.Documents;

/// <summary>An API key (collection <c>apiKeys</c>): only the SHA-256 hash of the secret, unique-indexed for look-up.</summary>
internal sealed class ApiKeyDocument
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public List<ApiScope> Scopes { get; init; } = [];
    public required string SecretHash { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }

    public static ApiKeyDocument From(ApiKey key) => new()
    {
        Id = key.Id, Name = key.Name, Scopes = [.. key.Scopes], SecretHash = key.SecretHash, CreatedAt = key.CreatedAt, RevokedAt = key.RevokedAt,
    };

    public ApiKey ToApiKey() => new(Id, Name, Scopes, SecretHash, CreatedAt, RevokedAt);
}
