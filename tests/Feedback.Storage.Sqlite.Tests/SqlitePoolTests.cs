using System.Data;
using Feedback.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SQLitePCL;

namespace Feedback.Storage.Sqlite.Tests;

/// <summary>
/// <see cref="SqliteDatabase"/>'s own pool: a connection given back is lent again open, with the statements compiled on
/// it. SQLite counts the runs of each compiled statement (<c>SQLITE_STMTSTATUS_RUN</c>), so a count above one proves
/// the statement was not compiled again.
/// </summary>
public sealed class SqlitePoolTests : IAsyncDisposable
{
    private const int StatementRuns = 6;

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("feedback-pool-");

    [Fact]
    public async Task AStatementRunAgainOnAConnectionGivenBackIsNotCompiledAgain()
    {
        await using var database = NewDatabase();

        for (var i = 1; i <= 3; i++)
        {
            await using var connection = await database.OpenAsync();
            Assert.Equal(i, await RunsAsync(connection, "SELECT 1"));
        }
    }

    [Fact]
    public async Task AKeptStatementRunsInsideTheGroupCommitsTransactionAndOutsideItAfterwards()
    {
        await using var database = NewDatabase();
        await using (var connection = await database.OpenAsync())
        {
            Assert.Equal(1, await RunsAsync(connection, "SELECT 1"));
        }

        var inside = await database.WriteAsync((connection, _) => RunsAsync(connection, "SELECT 1"));

        await using var after = await database.OpenAsync();
        Assert.Equal(2, inside);
        Assert.Equal(3, await RunsAsync(after, "SELECT 1"));
    }

    [Fact]
    public async Task PastItsBoundAConnectionStartsItsStatementsOver()
    {
        await using var database = NewDatabase();
        await using var connection = await database.OpenAsync();
        await RunsAsync(connection, "SELECT 1 AS first");

        for (var i = 0; i < SqlitePooledConnection.MaxStatements; i++)
        {
            await connection.ScalarAsync($"SELECT {i}", CancellationToken.None);
        }

        Assert.Equal(1, await RunsAsync(connection, "SELECT 1 AS first"));
    }

    [Fact]
    public async Task AFaultOfTheDiskStillMapsAndItsConnectionIsClosedInsteadOfLentAgain()
    {
        await using var database = NewDatabase();
        var faulted = await database.OpenAsync();
        await using (var pragma = new SqliteCommand("PRAGMA query_only = 1;", faulted))
        {
            await pragma.ExecuteNonQueryAsync();
        }

        var refused = await Assert.ThrowsAsync<StorageUnavailableException>(() => faulted.ExecuteAsync("CREATE TABLE t (x)", CancellationToken.None));
        await faulted.DisposeAsync();

        await using var next = await database.OpenAsync();
        Assert.Equal(StorageFault.ReadOnly, refused.Fault);
        Assert.Equal(ConnectionState.Closed, faulted.State);
        Assert.NotSame(faulted, next);
        Assert.Equal(0, await next.ExecuteAsync("CREATE TABLE t (x)", CancellationToken.None));
    }

    [Fact]
    public async Task ConnectionsBeyondTheIdleBoundAreClosedWhenGivenBack()
    {
        await using var database = NewDatabase();
        var connections = new List<SqliteConnection>();
        for (var i = 0; i <= SqlitePool.MaxIdle; i++)
        {
            connections.Add(await database.OpenAsync());
        }

        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        Assert.Equal(SqlitePool.MaxIdle, connections.Count(c => c.State == ConnectionState.Open));
    }

    [Fact]
    public async Task DisposingTheDatabaseClosesIdleConnectionsAtOnceAndLentOnesWhenGivenBack()
    {
        var database = NewDatabase();
        var idle = await database.OpenAsync();
        var lent = await database.OpenAsync();
        await idle.DisposeAsync();

        await database.DisposeAsync();

        Assert.Equal(ConnectionState.Closed, idle.State);
        Assert.Equal(ConnectionState.Open, lent.State);
        await lent.DisposeAsync();
        Assert.Equal(ConnectionState.Closed, lent.State);
    }

    [Fact]
    public async Task AConnectionLentDuringABulkLoadSkipsTheFsyncAndSyncsAgainWhenLentAfterIt()
    {
        await using var database = NewDatabase();
        Assert.Equal(2, await SynchronousAsync(database));

        using (database.BeginBulkLoad())
        {
            Assert.Equal(1, await SynchronousAsync(database));
        }

        Assert.Equal(2, await SynchronousAsync(database));
    }

    private SqliteDatabase NewDatabase() =>
        new(Options.Create(new SqliteStorageOptions { Path = Path.Combine(_root.FullName, $"{Guid.NewGuid():N}.db") }));

    private static async Task<int> RunsAsync(SqliteConnection connection, string sql) =>
        (await connection.QueryAsync(sql, r => raw.sqlite3_stmt_status(r.Handle, StatementRuns, 0), CancellationToken.None)).Single();

    private static async Task<long> SynchronousAsync(SqliteDatabase database)
    {
        await using var connection = await database.OpenAsync();
        return (long)(await connection.ScalarAsync("PRAGMA synchronous;", CancellationToken.None))!;
    }

    public ValueTask DisposeAsync()
    {
        _root.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}
