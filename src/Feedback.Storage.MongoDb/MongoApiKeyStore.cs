using Feedback.Core.Auth;
using Feedback.Core.Storage;
using Feedback.Storage.MongoDb.Documents;
using MongoDB.Driver;
using static Feedback.Storage.MongoDb.Queries.MongoApiKeyQueries;

namespace Feedback.Storage.MongoDb;

internal sealed class MongoApiKeyStore(MongoCollections db) : IApiKeyStore
{
    public async Task CreateAsync(ApiKey key, CancellationToken ct = default)
    {
        try
        {
            await db.ApiKeys.InsertOneAsync(ApiKeyDocument.From(key), cancellationToken: ct);
        }
        catch (MongoWriteException e) when (e.IsDuplicateKey())
        {
            throw MongoErrors.Duplicate($"API key '{key.Id}' or its secret hash exists.", e);
        }
    }

    public async Task UpsertAsync(ApiKey key, CancellationToken ct = default)
    {
        try
        {
            await db.ApiKeys.ReplaceOneAsync(ById(key.Id), ApiKeyDocument.From(key), new ReplaceOptions { IsUpsert = true }, ct);
        }
        catch (MongoWriteException e) when (e.IsDuplicateKey())
        {
            throw MongoErrors.Duplicate($"Another API key than '{key.Id}' has this secret hash.", e);
        }
    }

    public async Task<ApiKey?> GetAsync(string id, CancellationToken ct = default) =>
        (await db.ApiKeys.Find(ById(id)).SingleOrDefaultAsync(ct))?.ToApiKey();

    public async Task<ApiKey?> FindBySecretHashAsync(string secretHash, CancellationToken ct = default) =>
        (await db.ApiKeys.Find(BySecretHash(secretHash)).SingleOrDefaultAsync(ct))?.ToApiKey();

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct = default) =>
        (await db.ApiKeys.Find(FilterDefinition<ApiKeyDocument>.Empty).Sort(OldestFirst()).ToListAsync(ct)).Select(d => d.ToApiKey()).ToList();

    public async Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken ct = default) =>
        (await db.ApiKeys.UpdateOneAsync(Active(id), Revoke(at), cancellationToken: ct)).ModifiedCount == 1;

    public async Task<bool> AnyActiveAdminAsync(CancellationToken ct = default) =>
        await db.ApiKeys.Find(ActiveAdmin()).Limit(1).AnyAsync(ct);
}
