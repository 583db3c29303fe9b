using Feedback.Core.Storage;
using Feedback.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Feedback.Storage.Sqlite.Tests;

/// <summary>
/// SQLite's codes for faults of the disk or of another process become the port's <see cref="StorageUnavailableException"/>
/// (with SQLite's exception inside); everything else stays SQLite's own. The full disk is also run for real on a tmpfs
/// (Feedback.Api.Tests, StorageFaultTests).
/// </summary>
public sealed class SqliteFaultTests
{
    [Theory]
    [InlineData(13, StorageFault.DiskFull)]
    [InlineData(8, StorageFault.ReadOnly)]
    [InlineData(5, StorageFault.Locked)]
    [InlineData(6, StorageFault.Locked)]
    [InlineData(10, StorageFault.IoError)]
    [InlineData(14, StorageFault.IoError)]
    public void FaultOfTheDiskOrOfAnotherWriterIsStorageUnavailable(int code, StorageFault fault)
    {
        var sqlite = new SqliteException($"SQLite Error {code}: 'what SQLite said'.", code);

        var unavailable = SqliteFaults.Unavailable(sqlite);

        Assert.Equal(fault, unavailable?.Fault);
        Assert.Same(sqlite, unavailable!.InnerException);
        Assert.Contains("what SQLite said", unavailable.Message);
    }

    [Theory]
    [InlineData(10 | (19 << 8), StorageFault.DiskFull)]
    [InlineData(10 | (3 << 8), StorageFault.IoError)]
    public void AnIoErrorIsADiskFullOnlyWhenTheWalIndexCouldNotGrow(int extendedCode, StorageFault fault)
    {
        Assert.Equal(fault, SqliteFaults.Unavailable(new SqliteException("SQLite Error 10: 'disk I/O error'.", 10, extendedCode))?.Fault);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(19)]
    [InlineData(11)]
    public void OtherErrorsStaySqlites(int code)
    {
        Assert.Null(SqliteFaults.Unavailable(new SqliteException("SQLite Error", code)));
    }
}
