using Feedback.Core.Auth;
using Feedback.Storage.MongoDb.Documents;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb.Queries;

/// <summary>The filters, updates, sorts and indexes of <c>apiKeys</c>.</summary>
internal static class MongoApiKeyQueries
{
    private static FilterDefinitionBuilder<ApiKeyDocument> Filter => Builders<ApiKeyDocument>.Filter;

    public static FilterDefinition<ApiKeyDocument> ById(string id) => Filter.Eq(k => k.Id, id);

    public static FilterDefinition<ApiKeyDocument> BySecretHash(string secretHash) => Filter.Eq(k => k.SecretHash, secretHash);

    /// <summary>Only an active key can be revoked, so a second revoke matches nothing and keeps the first time.</summary>
    public static FilterDefinition<ApiKeyDocument> Active(string id) => Filter.Eq(k => k.Id, id) & Filter.Eq(k => k.RevokedAt, null);

    public static FilterDefinition<ApiKeyDocument> ActiveAdmin() => Filter.Eq(k => k.RevokedAt, null) & Filter.AnyEq(k => k.Scopes, ApiScope.Admin);

    public static UpdateDefinition<ApiKeyDocument> Revoke(DateTimeOffset at) => Builders<ApiKeyDocument>.Update.Set(k => k.RevokedAt, at);

    public static SortDefinition<ApiKeyDocument> OldestFirst() => Builders<ApiKeyDocument>.Sort.Ascending(k => k.CreatedAt).Ascending(k => k.Id);

    public static IReadOnlyList<CreateIndexModel<ApiKeyDocument>> Indexes { get; } =
    [
        new(Builders<ApiKeyDocument>.IndexKeys.Ascending(k => k.SecretHash), new CreateIndexOptions { Unique = true }),
    ];
}
