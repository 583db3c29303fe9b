using Feedback.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Feedback.Storage.Sqlite;

/// <summary>
/// Small helpers so stores read as SQL plus parameters; faults of the disk become <see cref="StorageUnavailableException"/>.
/// On a connection of <see cref="SqliteDatabase"/> the helpers run the connection's kept statement for the SQL text
/// (<see cref="SqlitePooledConnection.Statement"/>), compiled on its first run only.
/// </summary>
internal static class SqliteCommands
{
    /// <summary>A new command, which the caller disposes: for readers a store keeps open while it yields rows.</summary>
    public static SqliteCommand Command(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        // CreateCommand enlists the connection's pending transaction; Microsoft.Data.Sqlite refuses to execute a command without it.
        var command = connection.CreateCommand();
        command.CommandText = sql;
        Bind(command, parameters);
        return command;
    }

    public static async Task<int> ExecuteAsync(this SqliteConnection connection, string sql, CancellationToken ct, params (string, object?)[] parameters)
    {
        var command = connection.Kept(sql, parameters);
        try
        {
            return await command.ExecuteNonQueryAsync(ct);
        }
        catch (SqliteException e) when (connection.Unavailable(e) is { } unavailable)
        {
            throw unavailable;
        }
        finally
        {
            await connection.ReleaseAsync(command);
        }
    }

    /// <summary>Runs an insert; a unique-constraint violation becomes the port's <see cref="DuplicateKeyException"/>.</summary>
    public static async Task<int> InsertAsync(this SqliteConnection connection, string sql, string duplicate, CancellationToken ct, params (string, object?)[] parameters)
    {
        try
        {
            return await connection.ExecuteAsync(sql, ct, parameters);
        }
        catch (SqliteException e) when (e.IsUniqueViolation())
        {
            throw new DuplicateKeyException($"{duplicate} ({e.Message})", e);
        }
    }

    public static async Task<List<T>> QueryAsync<T>(this SqliteConnection connection, string sql, Func<SqliteDataReader, T> map, CancellationToken ct, params (string, object?)[] parameters)
    {
        var command = connection.Kept(sql, parameters);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            var items = new List<T>();
            while (await reader.ReadAsync(ct))
            {
                items.Add(map(reader));
            }
            return items;
        }
        // A query may write too (UPDATE … RETURNING claims), and any may find the file locked or unreadable.
        catch (SqliteException e) when (connection.Unavailable(e) is { } unavailable)
        {
            throw unavailable;
        }
        finally
        {
            await connection.ReleaseAsync(command);
        }
    }

    /// <summary>The first column of the first row, or null when there is no row.</summary>
    public static async Task<object?> ScalarAsync(this SqliteConnection connection, string sql, CancellationToken ct, params (string, object?)[] parameters)
    {
        var command = connection.Kept(sql, parameters);
        try
        {
            return await command.ExecuteScalarAsync(ct);
        }
        catch (SqliteException e) when (connection.Unavailable(e) is { } unavailable)
        {
            throw unavailable;
        }
        finally
        {
            await connection.ReleaseAsync(command);
        }
    }

    public static bool IsUniqueViolation(this SqliteException e) => e.SqliteErrorCode == 19 && e.SqliteExtendedErrorCode is 2067 or 1555;

    /// <summary>
    /// The port's exception for a fault of the disk (see <see cref="SqliteFaults"/>), or null; a connection that met one
    /// is closed when given back instead of being lent again.
    /// </summary>
    public static StorageUnavailableException? Unavailable(this SqliteConnection connection, SqliteException e)
    {
        var unavailable = SqliteFaults.Unavailable(e);
        if (unavailable is not null)
        {
            connection.Discard();
        }
        return unavailable;
    }

    /// <summary>Closes the connection when it is given back, instead of lending it again.</summary>
    public static void Discard(this SqliteConnection connection)
    {
        if (connection is SqlitePooledConnection pooled)
        {
            pooled.Faulted = true;
        }
    }

    /// <summary>The connection's kept command for <paramref name="sql"/> (a new one on a connection of no pool), bound to the values.</summary>
    internal static SqliteCommand Kept(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        if (connection is not SqlitePooledConnection pooled)
        {
            return connection.Command(sql, parameters);
        }
        var command = pooled.Statement(sql);
        Bind(command, parameters);
        return command;
    }

    /// <summary>Ends a use of <see cref="Kept"/>: the kept command stays with its connection, a new one is disposed.</summary>
    internal static ValueTask ReleaseAsync(this SqliteConnection connection, SqliteCommand command) =>
        connection is SqlitePooledConnection ? ValueTask.CompletedTask : command.DisposeAsync();

    /// <summary>Adds the values as the command's parameters (null as SQL NULL).</summary>
    internal static void Bind(SqliteCommand command, (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }
}
