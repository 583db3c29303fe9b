using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Feedback.Storage.Sqlite;

/// <summary>
/// A connection of <see cref="SqliteDatabase"/>'s own pool, which keeps the statements it compiled. Microsoft.Data.Sqlite
/// compiles a command's SQL on its first run and finalizes it when the command is disposed, and closing a connection
/// (also one of its own pool) disposes every command on it; so a statement outlives one use only on a connection that
/// stays open, with its command kept. Disposing this connection hands it back to the pool open; the pool closes it for
/// good when it saw a fault, when the pool is full or disposed.
/// </summary>
internal sealed class SqlitePooledConnection(string connectionString, SqlitePool pool) : SqliteConnection(connectionString)
{
    // Texts built per call (an IN list, a column set) must not grow a connection without end: past this many the cache
    // starts over, and the hot statements, few and fixed, are compiled once more.
    public const int MaxStatements = 200;

    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);
    private bool _lent;

    /// <summary>Whether commits on this connection skip the fsync (<c>PRAGMA synchronous = NORMAL</c>); FULL when opened.</summary>
    public bool RelaxedSync { get; set; }

    /// <summary>Set when a statement on it failed with a fault of the disk: it is closed instead of handed out again.</summary>
    public bool Faulted { get; set; }

    /// <summary>Marks it in use: its next <see cref="Close"/> (or dispose) hands it back instead of closing it.</summary>
    public void Lend() => _lent = true;

    /// <summary>
    /// The compiled command for <paramref name="sql"/>, carrying the connection's pending transaction and no parameters.
    /// It stays owned by this connection: the caller runs it and closes its reader, but never disposes it.
    /// </summary>
    public SqliteCommand Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var command))
        {
            if (_statements.Count >= MaxStatements)
            {
                DisposeStatements();
            }
            command = CreateCommand();
            command.CommandText = sql;
            _statements.Add(sql, command);
        }
        // Microsoft.Data.Sqlite runs a command only with the connection's pending transaction (or none when there is none).
        command.Transaction = Transaction;
        command.Parameters.Clear();
        return command;
    }

    /// <summary>Hands the connection back to the pool when it is fit for the next caller; otherwise closes it.</summary>
    public override void Close()
    {
        // Not lent: idle in the pool (a second dispose by its last borrower) or not handed out yet; the pool closes those.
        if (!_lent)
        {
            return;
        }
        _lent = false;
        // A transaction left open (its object lost, or begun in SQL) must not reach the next caller.
        if (Faulted || State != System.Data.ConnectionState.Open || Transaction is not null || raw.sqlite3_get_autocommit(Handle) == 0
            || !pool.TryTakeBack(this))
        {
            CloseForGood();
        }
    }

    /// <summary>Finalizes the kept statements and closes the SQLite connection.</summary>
    public void CloseForGood()
    {
        _lent = false;
        DisposeStatements();
        base.Close();
    }

    private void DisposeStatements()
    {
        foreach (var command in _statements.Values)
        {
            command.Dispose();
        }
        _statements.Clear();
    }
}
