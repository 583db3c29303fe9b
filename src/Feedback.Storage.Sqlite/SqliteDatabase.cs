using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Feedback.Storage.Sqlite;

/// <summary>Opens pooled connections to the database file; each store operation uses its own short-lived connection.</summary>
public sealed class SqliteDatabase(IOptions<SqliteStorageOptions> options)
{
    public string FilePath { get; } = Path.GetFullPath(options.Value.Path);

    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = FilePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        // Waits this long for another writer (a second process on the same file) instead of failing with SQLITE_BUSY.
        DefaultTimeout = 30,
    }.ToString();

    public async Task<SqliteConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }
}
