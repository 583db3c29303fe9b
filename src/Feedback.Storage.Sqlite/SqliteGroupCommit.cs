using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Feedback.Storage.Sqlite;

/// <summary>
/// Group commit: write units queue up and one writer runs every unit waiting at that moment inside one transaction
/// (BEGIN IMMEDIATE), each unit in its own savepoint, then commits once. A commit costs a disk flush (several ms), so
/// concurrent writers sharing it multiply write throughput, while each caller still hears back only after its own
/// commit, durable. A failing unit rolls back to its savepoint and gets its exception; the others still commit.
/// Units must not begin transactions themselves nor wait for other units (they run on the single writer).
/// </summary>
internal sealed class SqliteGroupCommit(Func<CancellationToken, Task<SqliteConnection>> open) : IAsyncDisposable
{
    private const int MaxUnitsPerCommit = 1000;

    private readonly Channel<Unit> _queue = Channel.CreateUnbounded<Unit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startLock = new();
    private Task? _writer;

    public async Task<T> RunAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        var unit = new Unit(async (connection, token) => await work(connection, token), ct);
        EnsureStarted();
        if (!_queue.Writer.TryWrite(unit))
        {
            throw new ObjectDisposedException(nameof(SqliteGroupCommit));
        }
        return (T)(await unit.Result.Task)!;
    }

    private void EnsureStarted()
    {
        lock (_startLock)
        {
            _writer ??= Task.Run(WriteLoopAsync);
        }
    }

    private async Task WriteLoopAsync()
    {
        var units = new List<Unit>(MaxUnitsPerCommit);
        while (await _queue.Reader.WaitToReadAsync())
        {
            units.Clear();
            while (units.Count < MaxUnitsPerCommit && _queue.Reader.TryRead(out var unit))
            {
                units.Add(unit);
            }
            await CommitAsync(units);
        }
    }

    private async Task CommitAsync(List<Unit> units)
    {
        var done = new List<(Unit Unit, object? Value)>(units.Count);
        try
        {
            await using var connection = await open(CancellationToken.None);
            // A savepoint keeps the old copy of every page its unit changes; an ingest unit changes about 17, past the
            // 64 KiB after which SQLite moves that journal to a temp file (two pwrite64 calls per page). In memory it
            // costs no system calls. The setting is read at BEGIN and reset before the pooled connection is reused.
            await PragmaAsync(connection, "temp_store = MEMORY");
            try
            {
                await using var transaction = connection.BeginTransaction(deferred: false);
                foreach (var unit in units)
                {
                    transaction.Save("unit");
                    try
                    {
                        unit.Token.ThrowIfCancellationRequested();
                        done.Add((unit, await unit.Work(connection, unit.Token)));
                        transaction.Release("unit");
                    }
                    catch (Exception e)
                    {
                        transaction.Rollback("unit");
                        transaction.Release("unit");
                        unit.Result.TrySetException(e);
                    }
                }
                await transaction.CommitAsync();
            }
            finally
            {
                await PragmaAsync(connection, "temp_store = DEFAULT");
            }
        }
        catch (Exception e)
        {
            // Nothing of this group was committed: every unit that had not failed on its own fails with the cause.
            foreach (var (unit, _) in done)
            {
                unit.Result.TrySetException(e);
            }
            foreach (var unit in units)
            {
                unit.Result.TrySetException(e);
            }
            return;
        }
        foreach (var (unit, value) in done)
        {
            unit.Result.TrySetResult(value);
        }
    }

    private static async Task PragmaAsync(SqliteConnection connection, string pragma)
    {
        await using var command = new SqliteCommand($"PRAGMA {pragma};", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer is { } writer)
        {
            await writer;
        }
    }

    private sealed record Unit(Func<SqliteConnection, CancellationToken, Task<object?>> Work, CancellationToken Token)
    {
        public TaskCompletionSource<object?> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
