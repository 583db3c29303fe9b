using Feedback.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Feedback.Storage.Sqlite;

/// <summary>Small helpers so stores read as SQL plus parameters; faults of the disk become <see cref="StorageUnavailableException"/>.</summary>
internal static class SqliteCommands
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        // CreateCommand enlists the connection's pending transaction; Microsoft.Data.Sqlite refuses to execute a command without it.
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    public static async Task<int> ExecuteAsync(this SqliteConnection connection, string sql, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        try
        {
            return await command.ExecuteNonQueryAsync(ct);
        }
        catch (SqliteException e) when (SqliteFaults.Unavailable(e) is { } unavailable)
        {
            throw unavailable;
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
        await using var command = connection.Command(sql, parameters);
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
        catch (SqliteException e) when (SqliteFaults.Unavailable(e) is { } unavailable)
        {
            throw unavailable;
        }
    }

    public static bool IsUniqueViolation(this SqliteException e) => e.SqliteErrorCode == 19 && e.SqliteExtendedErrorCode is 2067 or 1555;
}
