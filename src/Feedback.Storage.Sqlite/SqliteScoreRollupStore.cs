using Feedback.Core.Scoring;
using Feedback.Core.Storage;
using Microsoft.Data.Sqlite;
using static Feedback.Storage.Sqlite.SqliteRollupRows;

namespace Feedback.Storage.Sqlite;

/// <summary>
/// Reads the rollups the response and survey stores keep (<see cref="SqliteRollupRows"/>), and rebuilds them from the
/// responses and sent surveys in one write transaction, so no answer lands between the recount and the swap.
/// </summary>
public sealed class SqliteScoreRollupStore(SqliteDatabase database) : IScoreRollupStore
{
    public async Task<IReadOnlyList<ScoreRollup>> QueryAsync(RollupQuery query, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var bucket = BucketStart(query.Buckets);
        return await connection.QueryAsync(
            $"""
            SELECT {(bucket is null ? Columns : Summed(bucket))} FROM score_rollups
            WHERE kind = $kind AND dimension = $dimension AND day >= $from AND day < $to
              AND ($template IS NULL OR template_id = $template) AND ($value IS NULL OR value = $value)
            {(bucket is null ? "" : $"GROUP BY {bucket}, value")}
            """, Read, ct,
            ("$kind", query.Kind.ToString()), ("$dimension", query.Dimension), ("$from", Day(query.From)), ("$to", Day(query.To)),
            ("$template", query.TemplateId), ("$value", query.Value));
    }

    /// <summary>The first day of a row's bucket as ScoreSeries.BucketStart says, in SQL over the ISO day text; null: per day.</summary>
    private static string? BucketStart(RollupBuckets buckets) => buckets switch
    {
        RollupBuckets.Day => null,
        // strftime('%w') is 0 on Sunday: back to the Monday of the ISO week.
        RollupBuckets.Week => "date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days')",
        RollupBuckets.Month => "substr(day, 1, 8) || '01'",
        _ => "$from",
    };

    // Each value's row per bucket, with the query's template ("" across templates), in Columns' order.
    private static string Summed(string bucketStart) => string.Join(", ", Columns.Split(", ").Select(c => c switch
    {
        "template_id" => "COALESCE($template, '')",
        "day" => bucketStart,
        "dimension" or "value" or "kind" => c,
        _ => $"SUM({c})",
    }));

    public async Task<RollupRebuild> RebuildAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var tally = new RollupTally(database.Pairs);
        await ForEachAsync(connection, $"SELECT {SqliteResponseRows.Columns} FROM responses", SqliteResponseRows.Read, tally.AddResponse, ct);
        await ForEachAsync(connection, $"SELECT {SqliteSurveyRows.Columns} FROM surveys WHERE sent_at IS NOT NULL", SqliteSurveyRows.Read, tally.AddSent, ct);
        await connection.ExecuteAsync("DELETE FROM score_rollups", ct);
        var rows = tally.ToRollups();
        var columns = Columns.Split(", ");
        // One prepared insert, rebound per row: a rebuild writes many rows.
        await using var insert = connection.Command(
            $"INSERT INTO score_rollups ({Columns}) VALUES ({string.Join(", ", columns.Select(c => $"${c}"))})",
            columns.Select(c => ($"${c}", (object?)null)).ToArray());
        foreach (var row in rows)
        {
            foreach (var (name, value) in Parameters(row))
            {
                insert.Parameters[name].Value = value;
            }
            await insert.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return new RollupRebuild(rows.Count, tally.Responses, tally.Sent);
    }

    private static async Task ForEachAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read, Action<T> add, CancellationToken ct)
    {
        await using var command = connection.Command(sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            add(read(reader));
        }
    }
}
