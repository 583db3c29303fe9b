using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Feedback.Storage.Sqlite;

/// <summary>
/// Opens pooled connections to the database file; each store operation uses its own short-lived connection. Hot write
/// paths go through <see cref="WriteAsync{T}"/>, which shares one commit (one disk flush) among concurrent writers.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private readonly SqliteGroupCommit _writes;

    public SqliteDatabase(IOptions<SqliteStorageOptions> options)
    {
        FilePath = Path.GetFullPath(options.Value.Path);
        _writes = new SqliteGroupCommit(OpenAsync);
    }

    public string FilePath { get; }

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

    /// <summary>
    /// Runs <paramref name="work"/> inside a write transaction shared with other concurrent writes (group commit) and
    /// returns once that transaction committed; an exception of <paramref name="work"/> undoes only its own writes.
    /// The work must not begin a transaction of its own.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> work, CancellationToken ct = default) =>
        _writes.RunAsync(work, ct);

    public ValueTask DisposeAsync() => _writes.DisposeAsync();
}
