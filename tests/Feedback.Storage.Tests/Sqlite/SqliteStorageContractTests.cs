using Feedback.Core.Auth;
using Feedback.Core.Storage;
using Feedback.Storage.Sqlite;
using Feedback.Storage.Tests.Contract;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Feedback.Storage.Tests.Sqlite;

/// <summary>The contract on a fresh SQLite file per test, in a directory that does not exist yet, plus what only SQLite promises.</summary>
public sealed class SqliteStorageContractTests : StorageContract
{
    // The contract tests behaviour, not fsync: on tmpfs (where the machine has one) a commit costs microseconds instead
    // of milliseconds, which lets the rollup volume check run the full 100 000 answers in the suite.
    private readonly DirectoryInfo _root = Directory.Exists("/dev/shm")
        ? Directory.CreateDirectory(Path.Combine("/dev/shm", $"feedback-storage-{Guid.NewGuid():N}"))
        : Directory.CreateTempSubdirectory("feedback-storage-");

    protected override int DefaultRollupVolume => Directory.Exists("/dev/shm") ? 100_000 : base.DefaultRollupVolume;

    private string DatabasePath => Path.Combine(_root.FullName, "data", "feedback.db");

    protected override void AddStorage(IServiceCollection services, IDictionary<string, string?> configuration)
    {
        configuration[$"{SqliteStorageOptions.SectionName}:Path"] = DatabasePath;
        services.AddSqliteStorage();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Pooled connections keep the file (and its -wal and -shm) open.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root.FullName))
        {
            _root.Delete(recursive: true);
        }
    }

    [Fact]
    public void DirectoryIsCreated()
    {
        Assert.True(File.Exists(DatabasePath));
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
        var database = new SqliteDatabase(Options.Create(new SqliteStorageOptions { Path = Path.Combine(_root.FullName, "empty.db") }));
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
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
