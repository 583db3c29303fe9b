using Microsoft.Data.Sqlite;

namespace Feedback.Storage.Sqlite.Tests;

/// <summary>How SQLite would run a statement on a test's database file, for the tests that hold statements to an index.</summary>
internal static class QueryPlans
{
    /// <summary>The steps of <c>EXPLAIN QUERY PLAN</c>, one per line, on a connection of its own.</summary>
    public static async Task<string> ExplainAsync(string databasePath, string sql, params (string, object?)[] parameters)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.Command($"EXPLAIN QUERY PLAN {sql}", parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }
        return string.Join('\n', steps);
    }
}
