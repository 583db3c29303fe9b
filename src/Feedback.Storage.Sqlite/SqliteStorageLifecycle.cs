using Feedback.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Feedback.Storage.Sqlite;

/// <summary>Creates the file and its directory, switches it to WAL and runs pending migrations.</summary>
public sealed class SqliteStorageLifecycle(SqliteDatabase database, ILogger<SqliteStorageLifecycle> logger) : IStorageLifecycle
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        var directory = Path.GetDirectoryName(database.FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        await using var connection = await database.OpenAsync(ct);
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var current = Convert.ToInt32(await ScalarAsync(connection, transaction, "PRAGMA user_version;", ct));
        for (var step = current; step < SqliteSchema.Migrations.Length; step++)
        {
            await using var command = new SqliteCommand(SqliteSchema.Migrations[step], connection, transaction);
            await command.ExecuteNonQueryAsync(ct);
        }
        await using (var version = new SqliteCommand($"PRAGMA user_version = {SqliteSchema.Migrations.Length};", connection, transaction))
        {
            await version.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        logger.LogInformation("SQLite store ready at {Path}: schema version {Version} (was {Previous})",
            database.FilePath, SqliteSchema.Migrations.Length, current);
    }

    public async Task PingAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await ScalarAsync(connection, null, "SELECT count(*) FROM api_keys;", ct);
    }

    public IDisposable BeginBulkLoad() => database.BeginBulkLoad();

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new SqliteCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = new SqliteCommand(sql, connection, transaction);
        return await command.ExecuteScalarAsync(ct);
    }
}
