using System.Data;
using Feedback.Core.Scoring;
using Feedback.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Feedback.Storage.Sqlite;

/// <summary>
/// Lends connections to the database file from a pool of its own (<see cref="SqlitePool"/>), each of which keeps the
/// statements compiled on it, so a statement the command helpers (<c>SqliteCommands</c>) run again is not compiled
/// again. Each store operation borrows a connection and gives it back by disposing it. Hot write paths go through
/// <see cref="WriteAsync{T}"/>, which shares one commit (one disk flush) among concurrent writers.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private readonly SqliteGroupCommit _writes;
    private readonly SqlitePool _pool;
    private readonly bool _relaxedSync;
    private volatile bool _bulkLoad;

    public SqliteDatabase(IOptions<SqliteStorageOptions> options, RollupPairs? pairs = null)
    {
        Pairs = pairs ?? RollupPairs.None;
        FilePath = Path.GetFullPath(options.Value.Path);
        _relaxedSync = options.Value.RelaxedSync;
        _pool = new SqlitePool(new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            // The pool above is the only one: a connection it closes is closed, and Microsoft.Data.Sqlite's pool would
            // finalize the kept statements on every return anyway.
            Pooling = false,
            // Waits this long for another writer (a second process on the same file) instead of failing with SQLITE_BUSY.
            DefaultTimeout = 30,
        }.ToString());
        _writes = new SqliteGroupCommit(OpenAsync);
    }

    public string FilePath { get; }

    /// <summary>The properties whose pairs every rollup write and rebuild counts (<see cref="RollupPairs"/>).</summary>
    public RollupPairs Pairs { get; }

    /// <summary>
    /// An open connection, lent until it is disposed (after <see cref="DisposeAsync"/>, a late caller still gets one, which
    /// closes when disposed). This and <see cref="WriteAsync{T}"/> (with the command helpers in
    /// <c>SqliteCommands</c>) turn a full disk, a read-only or locked file and I/O errors into
    /// <see cref="StorageUnavailableException"/>.
    /// </summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = _pool.Take();
        try
        {
            if (connection.State != ConnectionState.Open)
            {
                await connection.OpenAsync(ct);
            }
            // synchronous is per connection and FULL when opened; a connection changes level when lent after a change.
            var relaxed = _bulkLoad || _relaxedSync;
            if (connection.RelaxedSync != relaxed)
            {
                await connection.ExecuteAsync(relaxed ? "PRAGMA synchronous = NORMAL" : "PRAGMA synchronous = FULL", ct);
                connection.RelaxedSync = relaxed;
            }
            return connection;
        }
        catch (Exception e)
        {
            connection.CloseForGood();
            if (e is SqliteException sqlite && SqliteFaults.Unavailable(sqlite) is { } unavailable)
            {
                throw unavailable;
            }
            throw;
        }
    }

    /// <summary>
    /// Until the result is disposed, commits skip the fsync (WAL with <c>synchronous = NORMAL</c>: a power loss may drop
    /// the latest commits but never corrupts the file), which makes many small transactions about a hundred times faster.
    /// Only for a bulk load before the service takes requests (the demo seed). Each connection takes the level in force
    /// when it is next lent, so after disposing, the next ordinary commit syncs everything written before it.
    /// </summary>
    public IDisposable BeginBulkLoad()
    {
        _bulkLoad = true;
        return new BulkLoad(this);
    }

    private sealed class BulkLoad(SqliteDatabase database) : IDisposable
    {
        public void Dispose() => database._bulkLoad = false;
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

    /// <summary>Waits for the queued writes, then closes every connection: idle ones now, lent ones when they come back.</summary>
    public async ValueTask DisposeAsync()
    {
        await _writes.DisposeAsync();
        _pool.Dispose();
    }
}
