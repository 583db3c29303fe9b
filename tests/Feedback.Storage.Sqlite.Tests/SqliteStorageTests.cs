using Feedback.Core.Auth;
using Feedback.Core.Storage;
using Feedback.Storage.Contract;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Feedback.Storage.Sqlite.Tests;

/// <summary>What only SQLite promises, on the contract's fresh file.</summary>
public sealed class SqliteStorageTests : StorageContract<SqliteStorageUnderTest>
{
    [Fact]
    public void DirectoryIsCreated()
    {
        Assert.True(File.Exists(Adapter.DatabasePath));
    }

    [Fact]
    public async Task JournalModeIsWal()
    {
        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task SchemaVersionMatchesMigrationCount()
    {
        Assert.Equal((long)SqliteSchema.Migrations.Length, await ScalarAsync("PRAGMA user_version;"));
    }

    [Fact]
    public async Task PingFailsWhenTheSchemaIsMissing()
    {
        var database = new SqliteDatabase(Options.Create(new SqliteStorageOptions { Path = Path.Combine(Adapter.Root.FullName, "empty.db") }));
        var lifecycle = new SqliteStorageLifecycle(database, NullLogger<SqliteStorageLifecycle>.Instance);

        await Assert.ThrowsAsync<SqliteException>(() => lifecycle.PingAsync());
    }

    [Fact]
    public async Task DuplicateKeyKeepsTheSqliteErrorAsItsCause()
    {
        var key = SampleKey(ApiScope.Read);
        await ApiKeys.CreateAsync(key);

        var duplicate = await Assert.ThrowsAsync<DuplicateKeyException>(() => ApiKeys.CreateAsync(key with { Id = "key_other" }));

        Assert.Contains("api_keys.secret_hash", Assert.IsType<SqliteException>(duplicate.InnerException).Message);
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Adapter.DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
