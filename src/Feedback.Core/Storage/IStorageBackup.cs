namespace Feedback.Core.Storage;

/// <summary>One backup file: where it was written, its size and when it was taken.</summary>
public sealed record StorageBackupFile(string Path, long Bytes, DateTimeOffset CreatedAt);

/// <summary>
/// An online, consistent copy of the whole store, taken while the service keeps serving. Only stores that can copy
/// themselves implement it (SQLite); MongoDB is backed up with its own tools (mongodump, snapshots).
/// </summary>
public interface IStorageBackup
{
    /// <summary>Writes a new backup file into the configured backup directory and returns it.</summary>
    Task<StorageBackupFile> BackupAsync(CancellationToken ct = default);
}
