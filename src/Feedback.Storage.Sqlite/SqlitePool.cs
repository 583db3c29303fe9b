using System.Collections.Concurrent;

namespace Feedback.Storage.Sqlite;

/// <summary>
/// The open connections of one <see cref="SqliteDatabase"/> that no one is using, last returned first lent (its
/// statements are the likeliest to be compiled already). Each connection stays open, with its compiled statements,
/// from its first use until the pool is disposed, unless it is returned while the pool is full or after a fault.
/// </summary>
internal sealed class SqlitePool(string connectionString) : IDisposable
{
    // SQLite runs synchronously, so the connections in use at once are about the threads inside SQLite, far fewer than
    // requests in flight; a burst beyond this closes the extra connections as they come back.
    public const int MaxIdle = 64;

    private readonly ConcurrentStack<SqlitePooledConnection> _idle = new();
    private int _idleCount;
    private volatile bool _disposed;

    /// <summary>An idle connection, lent to the caller, or a new one (not open yet) when none is idle.</summary>
    public SqlitePooledConnection Take()
    {
        if (_idle.TryPop(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
        }
        else
        {
            connection = new SqlitePooledConnection(connectionString, this);
        }
        connection.Lend();
        return connection;
    }

    /// <summary>Keeps <paramref name="connection"/> for the next caller; false when the pool is full or disposed.</summary>
    public bool TryTakeBack(SqlitePooledConnection connection)
    {
        if (_disposed || Interlocked.Increment(ref _idleCount) > MaxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            return false;
        }
        _idle.Push(connection);
        // Disposed meanwhile: it may have emptied the stack before this push.
        if (_disposed)
        {
            CloseIdle();
        }
        return true;
    }

    public void Dispose()
    {
        _disposed = true;
        CloseIdle();
    }

    private void CloseIdle()
    {
        while (_idle.TryPop(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            connection.CloseForGood();
        }
    }
}
