using Feedback.Core.Storage;
using Feedback.Core.Templates;
using Feedback.Core.Themes;
using Microsoft.Data.Sqlite;
using static Feedback.Storage.Sqlite.SqliteCommentTermRows;

namespace Feedback.Storage.Sqlite;

/// <summary>
/// Reads the term counts the response store keeps (<see cref="SqliteCommentTermRows"/>), finds example comments in the
/// per-response records, and rebuilds them (and the all-time totals) from the stored comments in one write transaction.
/// </summary>
public sealed class SqliteCommentTermStore(SqliteDatabase database) : ICommentTermStore
{
    // SQLite sums a term's days as it walks the key (one template) or the covering index (one kind). Asked for terms at
    // least CandidateMin segment comments contain, it first lists the terms that many ever contained (a partial index of
    // the all-time totals) and reads only their day rows: most terms are phrases one comment used.
    public async Task<IReadOnlyList<TermCount>> CountAsync(TermCountQuery query, ScoreBand segment, int minSegmentComments, CancellationToken ct = default)
    {
        var scope = Scope(query, "c.");
        var band = segment switch { ScoreBand.Low => "low", ScoreBand.Middle => "middle", _ => "high" };
        var terms = minSegmentComments >= CandidateMin
            ? $"""
              SELECT language, term FROM comment_term_totals INDEXED BY ix_comment_term_totals_{band} WHERE {band} >= {CandidateMin}
              UNION SELECT language, term FROM comment_term_totals WHERE term IN ($comments, $occurrences)
              """
            : "SELECT language, term FROM comment_term_totals";
        await using var connection = await database.OpenAsync(ct);
        // CROSS JOIN keeps the listed terms the outer loop, so each looks its days up in the key or index.
        return await connection.QueryAsync(
            $"""
            SELECT c.language, c.term, sum(c.low), sum(c.middle), sum(c.high)
            FROM ({terms}) AS t CROSS JOIN comment_term_counts AS c
            WHERE c.language = t.language AND c.term = t.term AND {scope} AND c.day >= $from AND c.day < $to
            GROUP BY c.language, c.term
            HAVING sum(c.{band}) >= $min OR c.term IN ($comments, $occurrences)
            """,
            r => new TermCount(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4)), ct,
            [.. Parameters(query), ("$min", minSegmentComments), ("$comments", TermCount.Comments), ("$occurrences", TermCount.Occurrences)]);
    }

    public async Task<IReadOnlyList<TermExample>> ExamplesAsync(TermCountQuery query, IReadOnlySet<ScoreBand> bands,
        IReadOnlyCollection<(string Language, string Term)> terms, int perTerm, CancellationToken ct = default)
    {
        var examples = new List<TermExample>();
        if (terms.Count == 0 || perTerm <= 0)
        {
            return examples;
        }
        // Terms are stored as a JSON array; the term serialised the same way matches one whole element.
        var wanted = terms.ToDictionary(t => t, t => (Key: SqliteValues.ToJson(t.Term), Found: 0));
        await using var connection = await database.OpenAsync(ct);
        // The scope written out lets SQLite walk the template's or kind's day index newest first, sorting only within a
        // day, so the loop below stops after the newest comments instead of after the whole period was read and sorted.
        await using var command = connection.Command(
            $"""
            SELECT response_id, language, terms FROM comment_terms
            WHERE {Scope(query, "")} AND day >= $from AND day < $to AND band IN (SELECT value FROM json_each($bands))
            ORDER BY day DESC, response_id DESC
            """, [.. Parameters(query), ("$bands", SqliteValues.ToJson(bands.Select(b => (int)b)))]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var open = wanted.Count;
        while (open > 0 && await reader.ReadAsync(ct))
        {
            var (language, stored) = (reader.GetString(1), reader.GetString(2));
            foreach (var (term, state) in wanted.Where(w => w.Key.Language == language && w.Value.Found < perTerm))
            {
                if (stored.Contains(state.Key, StringComparison.Ordinal))
                {
                    examples.Add(new TermExample(term.Language, term.Term, reader.GetString(0)));
                    wanted[term] = state with { Found = state.Found + 1 };
                    open -= state.Found + 1 == perTerm ? 1 : 0;
                }
            }
        }
        return examples;
    }

    public async Task<TermRebuild> RebuildAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await connection.ExecuteAsync("DELETE FROM comment_terms; DELETE FROM comment_term_counts; DELETE FROM comment_term_totals; DELETE FROM comment_term_version;", ct);
        var counts = new Dictionary<(string Template, DateOnly Day, string Language, string Term), (string Kind, long[] Bands)>();
        var comments = 0L;
        var names = RecordColumns.Split(", ");
        await using (var insert = connection.Command($"INSERT INTO comment_terms ({RecordColumns}) VALUES ({string.Join(", ", names.Select(n => $"${n}"))})",
            [.. names.Select(n => ($"${n}", (object?)null))]))
        await using (var select = connection.Command($"SELECT {SqliteResponseRows.Columns} FROM responses WHERE has_comment = 1"))
        await using (var reader = await select.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                if (CommentTerms.Of(SqliteResponseRows.Read(reader)) is not { } comment)
                {
                    continue;
                }
                comments++;
                foreach (var (name, value) in SqliteCommentTermRows.Parameters(comment))
                {
                    insert.Parameters[name].Value = value;
                }
                await insert.ExecuteNonQueryAsync(ct);
                foreach (var (term, count) in comment.Rows())
                {
                    var key = (comment.TemplateId, comment.Day, comment.Language, term);
                    if (!counts.TryGetValue(key, out var row))
                    {
                        counts[key] = row = (comment.Kind.ToString(), new long[3]);
                    }
                    row.Bands[(int)comment.Band] += count;
                }
            }
        }
        await using (var insert = connection.Command(
            "INSERT INTO comment_term_counts (template_id, day, language, term, kind, low, middle, high) VALUES ($t, $d, $l, $term, $k, $low, $middle, $high)",
            ("$t", null), ("$d", null), ("$l", null), ("$term", null), ("$k", null), ("$low", null), ("$middle", null), ("$high", null)))
        {
            foreach (var ((template, day, language, term), (kind, bands)) in counts)
            {
                (insert.Parameters["$t"].Value, insert.Parameters["$d"].Value, insert.Parameters["$l"].Value) = (template, SqliteRollupRows.Day(day), language);
                (insert.Parameters["$term"].Value, insert.Parameters["$k"].Value) = (term, kind);
                (insert.Parameters["$low"].Value, insert.Parameters["$middle"].Value, insert.Parameters["$high"].Value) = (bands[0], bands[1], bands[2]);
                await insert.ExecuteNonQueryAsync(ct);
            }
        }
        await connection.ExecuteAsync(
            """
            INSERT INTO comment_term_totals (term, language, low, middle, high)
            SELECT term, language, sum(low), sum(middle), sum(high) FROM comment_term_counts GROUP BY term, language
            """, ct);
        await connection.ExecuteAsync("INSERT INTO comment_term_version (version) VALUES ($v)", ct, ("$v", CommentAnalyzer.Version));
        await transaction.CommitAsync(ct);
        return new TermRebuild(comments, counts.Count);
    }

    public async Task<int?> VersionAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync("SELECT version FROM comment_term_version", r => r.GetInt32(0), ct)).Cast<int?>().SingleOrDefault();
    }

    // The unary + keeps SQLite on the template's key or index: a template's rows all have its kind. Every kind named
    // lets the kind index serve a query over all of them.
    private static string Scope(TermCountQuery query, string table) => (query.TemplateId, query.Kind) switch
    {
        (not null, not null) => $"{table}template_id = $template AND +{table}kind = $kind",
        (not null, null) => $"{table}template_id = $template",
        (null, not null) => $"{table}kind = $kind",
        _ => $"{table}kind IN ({string.Join(", ", Enum.GetNames<SurveyKind>().Select(k => $"'{k}'"))})",
    };

    private static (string, object?)[] Parameters(TermCountQuery q) =>
    [
        ("$template", q.TemplateId), ("$kind", q.Kind?.ToString()), ("$from", SqliteRollupRows.Day(q.From)), ("$to", SqliteRollupRows.Day(q.To)),
    ];
}
