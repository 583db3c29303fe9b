using System.Globalization;
using Feedback.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Feedback.Storage.Sqlite;

/// <summary>
/// SQLite's online backup API: copies every page from a read snapshot, so writers go on meanwhile and the copy is
/// consistent (a transaction is in it wholly or not at all). The copy is a complete database: restoring is copying it back.
/// </summary>
public sealed class SqliteStorageBackup(SqliteDatabase database, IOptions<SqliteStorageOptions> options, TimeProvider time) : IStorageBackup
{
    public async Task<StorageBackupFile> BackupAsync(CancellationToken ct = default)
    {
        var directory = Path.GetFullPath(options.Value.BackupDirectory);
        Directory.CreateDirectory(directory);
        var createdAt = time.GetUtcNow();
        var path = Path.Combine(directory, $"feedback-{createdAt.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}.db");
        await using var source = await database.OpenAsync(ct);
        // Unpooled, so the file is closed (and complete on disk) when this returns.
        await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await target.OpenAsync(ct);
            source.BackupDatabase(target);
        }
        return new StorageBackupFile(path, new FileInfo(path).Length, createdAt);
    }
}
