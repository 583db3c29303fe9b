using Feedback.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Feedback.Storage.Sqlite;

/// <summary>SQLite's result codes for faults of the disk or of other processes, translated into the port's exception.</summary>
internal static class SqliteFaults
{
    private const int IoErrShmSize = 10 | (19 << 8);

    /// <summary>The port's exception for <paramref name="e"/>, or null when it is not such a fault (a bug, a constraint).</summary>
    public static StorageUnavailableException? Unavailable(SqliteException e) => (e.SqliteErrorCode, e.SqliteExtendedErrorCode) switch
    {
        // SQLITE_FULL
        (13, _) => DiskFull(e),
        // SQLITE_IOERR_SHMSIZE: growing the WAL index file failed, which is how a writer whose WAL has outgrown its index
        // meets a full disk (SQLite reports that failed write as an I/O error, not as FULL).
        (10, IoErrShmSize) => DiskFull(e),
        // SQLITE_READONLY
        (8, _) => new StorageUnavailableException(StorageFault.ReadOnly, $"the database is read-only ({e.Message})", e),
        // SQLITE_BUSY, SQLITE_LOCKED: still held after the connection's busy timeout
        (5 or 6, _) => new StorageUnavailableException(StorageFault.Locked, $"the database is locked by another writer ({e.Message})", e),
        // SQLITE_IOERR, SQLITE_CANTOPEN
        (10 or 14, _) => new StorageUnavailableException(StorageFault.IoError, $"the database file could not be read or written ({e.Message})", e),
        _ => null,
    };

    private static StorageUnavailableException DiskFull(SqliteException e) =>
        new(StorageFault.DiskFull, $"the disk is full ({e.Message})", e);
}
