using Feedback.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Feedback.Storage.Sqlite;

/// <summary>
/// One statement run many times with new values (a batch's rows): the values are set on the parameters the first run
/// added, and the statement is the connection's kept one (<see cref="SqliteCommands"/>), so it is compiled once at
/// most. Faults map as in <see cref="SqliteCommands"/>.
/// </summary>
internal sealed class SqliteReusedCommand(SqliteConnection connection, string sql, string duplicate = "") : IAsyncDisposable
{
    private readonly SqliteCommand _command = connection.Kept(sql);

    public async Task<int> ExecuteAsync(CancellationToken ct, params (string Name, object? Value)[] values)
    {
        Bind(values);
        try
        {
            return await _command.ExecuteNonQueryAsync(ct);
        }
        catch (SqliteException e) when (e.IsUniqueViolation())
        {
            throw new DuplicateKeyException($"{duplicate} ({e.Message})", e);
        }
        catch (SqliteException e) when (connection.Unavailable(e) is { } unavailable)
        {
            throw unavailable;
        }
    }

    public async Task<object?> ScalarAsync(CancellationToken ct, params (string Name, object? Value)[] values)
    {
        Bind(values);
        try
        {
            return await _command.ExecuteScalarAsync(ct);
        }
        catch (SqliteException e) when (connection.Unavailable(e) is { } unavailable)
        {
            throw unavailable;
        }
    }

    // The first run adds the parameters; later runs only set their values (same names, same order).
    private void Bind((string Name, object? Value)[] values)
    {
        if (_command.Parameters.Count == 0)
        {
            SqliteCommands.Bind(_command, values);
            return;
        }
        for (var i = 0; i < values.Length; i++)
        {
            _command.Parameters[i].Value = values[i].Value ?? DBNull.Value;
        }
    }

    public ValueTask DisposeAsync() => connection.ReleaseAsync(_command);
}
