using Feedback.Storage.Contract;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Storage.Sqlite.Tests;

/// <summary>A fresh SQLite file per test, in a directory that does not exist yet.</summary>
public sealed class SqliteStorageUnderTest : StorageUnderTest
{
    // The contract tests behaviour, not fsync: on tmpfs (where the machine has one) a commit costs microseconds instead
    // of milliseconds, which lets the rollup volume check run the full 100 000 answers in the suite.
    public DirectoryInfo Root { get; } = Directory.Exists("/dev/shm")
        ? Directory.CreateDirectory(Path.Combine("/dev/shm", $"feedback-storage-{Guid.NewGuid():N}"))
        : Directory.CreateTempSubdirectory("feedback-storage-");

    public override int DefaultRollupVolume => Directory.Exists("/dev/shm") ? 100_000 : base.DefaultRollupVolume;

    public string DatabasePath => Path.Combine(Root.FullName, "data", "feedback.db");

    public override void AddStorage(IServiceCollection services, IDictionary<string, string?> configuration)
    {
        configuration[$"{SqliteStorageOptions.SectionName}:Path"] = DatabasePath;
        services.AddSqliteStorage();
    }

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file (and its -wal and -shm) open.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Root.FullName))
        {
            Root.Delete(recursive: true);
        }
        return ValueTask.CompletedTask;
    }
}
