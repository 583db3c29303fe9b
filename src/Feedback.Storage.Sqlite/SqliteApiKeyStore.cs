using Feedback.Core.Auth;
using Feedback.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Feedback.Storage.Sqlite;

public sealed class SqliteApiKeyStore(SqliteDatabase database) : IApiKeyStore
{
    private const string Columns = "id, name, scopes, secret_hash, created_at, revoked_at";

    public async Task CreateAsync(ApiKey key, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.InsertAsync($"INSERT INTO api_keys ({Columns}) VALUES ($id, $name, $scopes, $hash, $created, $revoked)",
            $"API key '{key.Id}' or its secret hash exists.", ct, Parameters(key));
    }

    public async Task UpsertAsync(ApiKey key, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.InsertAsync(
            $"""
            INSERT INTO api_keys ({Columns}) VALUES ($id, $name, $scopes, $hash, $created, $revoked)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, scopes = excluded.scopes,
                secret_hash = excluded.secret_hash, created_at = excluded.created_at, revoked_at = excluded.revoked_at
            """, $"Another API key than '{key.Id}' has this secret hash.", ct, Parameters(key));
    }

    public async Task<ApiKey?> GetAsync(string id, CancellationToken ct = default) =>
        (await QueryAsync("WHERE id = $id", ct, ("$id", id))).SingleOrDefault();

    public async Task<ApiKey?> FindBySecretHashAsync(string secretHash, CancellationToken ct = default) =>
        (await QueryAsync("WHERE secret_hash = $hash", ct, ("$hash", secretHash))).SingleOrDefault();

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct = default) =>
        await QueryAsync("ORDER BY created_at, id", ct);

    public async Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync("UPDATE api_keys SET revoked_at = $at WHERE id = $id AND revoked_at IS NULL", ct,
            ("$id", id), ("$at", SqliteValues.Time(at))) == 1;
    }

    public async Task<bool> AnyActiveAdminAsync(CancellationToken ct = default) =>
        (await QueryAsync("WHERE revoked_at IS NULL", ct)).Any(k => k.Scopes.Contains(ApiScope.Admin));

    private async Task<List<ApiKey>> QueryAsync(string where, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryAsync($"SELECT {Columns} FROM api_keys {where}", Read, ct, parameters);
    }

    private static (string, object?)[] Parameters(ApiKey key) =>
    [
        ("$id", key.Id), ("$name", key.Name), ("$scopes", string.Join(',', key.Scopes)),
        ("$hash", key.SecretHash), ("$created", SqliteValues.Time(key.CreatedAt)), ("$revoked", SqliteValues.TimeOrNull(key.RevokedAt)),
    ];

    private static ApiKey Read(SqliteDataReader r) => new(
        r.GetString(Column.Id),
        r.GetString(Column.Name),
        r.GetString(Column.Scopes).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ApiScope>).ToArray(),
        r.GetString(Column.SecretHash),
        SqliteValues.ParseTime(r.GetString(Column.CreatedAt)),
        r.IsDBNull(Column.RevokedAt) ? null : SqliteValues.ParseTime(r.GetString(Column.RevokedAt)));

    // Each column's ordinal in Columns, looked up by name once.
    private static class Column
    {
        public static readonly int
            Id = Of("id"),
            Name = Of("name"),
            Scopes = Of("scopes"),
            SecretHash = Of("secret_hash"),
            CreatedAt = Of("created_at"),
            RevokedAt = Of("revoked_at");

        private static int Of(string name) => SqliteColumns.Ordinal(Columns, name);
    }
}
