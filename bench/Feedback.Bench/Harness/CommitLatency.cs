using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Feedback.Bench.Harness;

/// <summary>
/// What one durable SQLite commit costs on this disk in this run: the mean of <c>BEGIN IMMEDIATE; INSERT; COMMIT</c> on a
/// WAL database in the temp directory (where the service's database lives), with the given <c>synchronous</c> level.
/// </summary>
public static class CommitLatency
{
    public static double MeasureMs(int commits, string synchronous = "FULL")
    {
        var directory = Directory.CreateTempSubdirectory("feedback-bench-commit-").FullName;
        try
        {
            using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "commit.db")};Pooling=False");
            connection.Open();
            Execute(connection, $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            Execute(connection, "BEGIN IMMEDIATE; INSERT INTO t (v) VALUES ('warm'); COMMIT");
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < commits; i++)
            {
                Execute(connection, "BEGIN IMMEDIATE; INSERT INTO t (v) VALUES ('x'); COMMIT");
            }
            return Math.Round(clock.Elapsed.TotalMilliseconds / commits, 3);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
