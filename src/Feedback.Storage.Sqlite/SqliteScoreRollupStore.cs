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
    // Summed over the days: each value's row with the query's template ("" across templates) and first day, in Columns' order.
    private static readonly string SummedColumns = string.Join(", ", Columns.Split(", ").Select(c => c switch
    {
        "template_id" => "COALESCE($template, '')",
        "day" => "$from",
        "dimension" or "value" or "kind" => c,
        _ => $"SUM({c})",
    }));

    public async Task<IReadOnlyList<ScoreRollup>> QueryAsync(RollupQuery query, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryAsync(
            $"""
            SELECT {(query.SumDays ? SummedColumns : Columns)} FROM score_rollups
            WHERE kind = $kind AND dimension = $dimension AND day >= $from AND day < $to
              AND ($template IS NULL OR template_id = $template) AND ($value IS NULL OR value = $value)
            {(query.SumDays ? "GROUP BY value" : "")}
            """, Read, ct,
            ("$kind", query.Kind.ToString()), ("$dimension", query.Dimension), ("$from", Day(query.From)), ("$to", Day(query.To)),
            ("$template", query.TemplateId), ("$value", query.Value));
    }

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
