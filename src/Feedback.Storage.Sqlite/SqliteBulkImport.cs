using Feedback.Core.Responses;
using static Feedback.Storage.Sqlite.SqliteResponseRows;

namespace Feedback.Storage.Sqlite;

/// <summary>
/// Imports many answers collected elsewhere (a migration from another tool, benchmark data) far faster than one
/// <see cref="Core.Storage.IResponseStore.AddExternalAsync"/> each: one prepared insert rebound per row, many rows per
/// transaction. Existing ids are kept (idempotent, as AddExternal). Rollups are not moved row by row: rebuild them after
/// with <see cref="Core.Storage.IScoreRollupStore.RebuildAsync"/>.
/// </summary>
public sealed class SqliteBulkImport(SqliteDatabase database)
{
    public const int RowsPerTransaction = 50_000;

    /// <summary>Inserts the responses (read as they are enumerated); returns how many were new.</summary>
    public async Task<long> AddResponsesAsync(IEnumerable<SurveyResponse> responses, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        // A large page cache for this connection: the indexes of millions of rows are updated in random key order.
        await connection.ExecuteAsync("PRAGMA cache_size = -262144", ct);
        var names = Columns.Split(", ");
        var inserted = 0L;
        using var rows = responses.GetEnumerator();
        var more = rows.MoveNext();
        while (more)
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using var insert = connection.Command($"INSERT INTO responses ({Columns}) VALUES ({Values}) ON CONFLICT (id) DO NOTHING",
                [.. names.Select(c => ($"${c}", (object?)null))]);
            insert.Prepare();
            for (var n = 0; more && n < RowsPerTransaction; n++, more = rows.MoveNext())
            {
                foreach (var (name, value) in Parameters(rows.Current))
                {
                    insert.Parameters[name].Value = value ?? DBNull.Value;
                }
                inserted += await insert.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
        return inserted;
    }
}
