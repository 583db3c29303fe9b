using Feedback.Core.Scoring;
using Feedback.Core.Storage;
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
    private readonly bool _relaxedSync;
    private volatile bool _bulkLoad;

    public SqliteDatabase(IOptions<SqliteStorageOptions> options, RollupPairs? pairs = null)
    {
        Pairs = pairs ?? RollupPairs.None;
        FilePath = Path.GetFullPath(options.Value.Path);
        _relaxedSync = options.Value.RelaxedSync;
        _writes = new SqliteGroupCommit(OpenAsync);
    }

    public string FilePath { get; }

    /// <summary>The properties whose pairs every rollup write and rebuild counts (<see cref="RollupPairs"/>).</summary>
    public RollupPairs Pairs { get; }

    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = FilePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        // Waits this long for another writer (a second process on the same file) instead of failing with SQLITE_BUSY.
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>
    /// An open connection. This and <see cref="WriteAsync{T}"/> (with the command helpers in <c>SqliteCommands</c>) turn a
    /// full disk, a read-only or locked file and I/O errors into <see cref="StorageUnavailableException"/>.
    /// </summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            // synchronous is per connection; FULL is SQLite's own default, so only the relaxed level is set.
            if (_bulkLoad || _relaxedSync)
            {
                await using var pragma = new SqliteCommand("PRAGMA synchronous = NORMAL;", connection);
                await pragma.ExecuteNonQueryAsync(ct);
            }
            return connection;
        }
        catch (SqliteException e) when (SqliteFaults.Unavailable(e) is { } unavailable)
        {
            await connection.DisposeAsync();
            throw unavailable;
        }
    }

    /// <summary>
    /// Until the result is disposed, commits skip the fsync (WAL with <c>synchronous = NORMAL</c>: a power loss may drop
    /// the latest commits but never corrupts the file), which makes many small transactions about a hundred times faster.
    /// Only for a bulk load before the service takes requests (the demo seed); disposing drops the relaxed pooled
    /// connections, and the next ordinary commit syncs everything written before it.
    /// </summary>
    public IDisposable BeginBulkLoad()
    {
        _bulkLoad = true;
        return new BulkLoad(this);
    }

    private sealed class BulkLoad(SqliteDatabase database) : IDisposable
    {
        public void Dispose()
        {
            database._bulkLoad = false;
            if (database._relaxedSync)
            {
                return;
            }
            using var connection = new SqliteConnection(database.ConnectionString);
            SqliteConnection.ClearPool(connection);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> inside a write transaction shared with other concurrent writes (group commit) and
    /// returns once that transaction committed; an exception of <paramref name="work"/> undoes only its own writes.
    /// The work must not begin a transaction of its own.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> work, CancellationToken ct = default)
    {
        try
        {
            return await _writes.RunAsync(work, ct);
        }
        // Most often the shared commit itself: then none of the group was stored, and every writer in it hears so.
        catch (SqliteException e) when (SqliteFaults.Unavailable(e) is { } unavailable)
        {
            throw unavailable;
        }
    }

    public ValueTask DisposeAsync() => _writes.DisposeAsync();
}
