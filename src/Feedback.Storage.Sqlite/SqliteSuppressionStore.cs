using Feedback.Core.Common;
using Feedback.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Feedback.Storage.Sqlite;

public sealed class SqliteSuppressionStore(SqliteDatabase database) : ISuppressionStore
{
    private const string Columns = "email, reason, source, created_at";

    public async Task<bool> AddAsync(Suppression suppression, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(
            $"INSERT INTO suppressions ({Columns}) VALUES ($email, $reason, $source, $at) ON CONFLICT (email) DO NOTHING", ct,
            ("$email", suppression.Email), ("$reason", suppression.Reason), ("$source", suppression.Source), ("$at", SqliteValues.Time(suppression.CreatedAt))) == 1;
    }

    public async Task<bool> RemoveAsync(string email, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync("DELETE FROM suppressions WHERE email = $email", ct, ("$email", email)) == 1;
    }

    public async Task<IReadOnlySet<string>> SuppressedAmongAsync(IReadOnlyCollection<string> emails, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync("SELECT email FROM suppressions WHERE email IN (SELECT value FROM json_each($emails))",
            r => r.GetString(0), ct, ("$emails", SqliteValues.ToJson(emails)))).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<Suppression?> GetAsync(string email, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync($"SELECT {Columns} FROM suppressions WHERE email = $email", Read, ct,
            ("$email", email))).SingleOrDefault();
    }

    public async Task<Page<Suppression>> ListAsync(string? after, int limit, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var items = await connection.QueryAsync(
            $"SELECT {Columns} FROM suppressions WHERE ($after IS NULL OR email > $after) ORDER BY email LIMIT $limit",
            Read, ct, ("$after", after), ("$limit", limit + 1));
        return items.Count > limit
            ? new Page<Suppression>(items[..limit], PageCursor.Encode(items[limit - 1].Email))
            : new Page<Suppression>(items, null);
    }

    private static Suppression Read(SqliteDataReader r) =>
        new(r.GetString(Column.Email), r.GetString(Column.Reason), r.GetString(Column.Source), SqliteValues.ParseTime(r.GetString(Column.CreatedAt)));

    // Each column's ordinal in Columns, looked up by name once.
    private static class Column
    {
        public static readonly int
            Email = Of("email"),
            Reason = Of("reason"),
            Source = Of("source"),
            CreatedAt = Of("created_at");

        private static int Of(string name) => SqliteColumns.Ordinal(Columns, name);
    }
}
