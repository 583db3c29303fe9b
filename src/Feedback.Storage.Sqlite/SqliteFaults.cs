using Feedback.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Feedback.Storage.Sqlite;

/// <summary>SQLite's result codes for faults of the disk or of other processes, translated into the port's exception.</summary>
internal static class SqliteFaults
{
    /// <summary>The port's exception for <paramref name="e"/>, or null when it is not such a fault (a bug, a constraint).</summary>
    public static StorageUnavailableException? Unavailable(SqliteException e) => e.SqliteErrorCode switch
    {
        // SQLITE_FULL
        13 => new StorageUnavailableException(StorageFault.DiskFull, $"the disk is full ({e.Message})", e),
        // SQLITE_READONLY
        8 => new StorageUnavailableException(StorageFault.ReadOnly, $"the database is read-only ({e.Message})", e),
        // SQLITE_BUSY, SQLITE_LOCKED: still held after the connection's busy timeout
        5 or 6 => new StorageUnavailableException(StorageFault.Locked, $"the database is locked by another writer ({e.Message})", e),
        // SQLITE_IOERR, SQLITE_CANTOPEN
        10 or 14 => new StorageUnavailableException(StorageFault.IoError, $"the database file could not be read or written ({e.Message})", e),
        _ => null,
    };
}
