using Feedback.Core.Templates;
using Feedback.Core.Themes;
using Microsoft.Data.Sqlite;

namespace Feedback.Storage.Sqlite;

/// <summary>
/// Moves comment term counts inside the caller's write transaction. Each response's counted terms are kept in
/// <c>comment_terms</c>, so a changed answer or an erasure takes back exactly what was added. One statement adds a comment's
/// terms (and its comments row) to <c>comment_term_counts</c> and to the all-time <c>comment_term_totals</c>; rows a
/// removal leaves at zero are deleted.
/// </summary>
internal static class SqliteCommentTermRows
{
    /// <summary>
    /// The partial indexes of <c>comment_term_totals</c> list the terms at least this many comments of a band contained;
    /// a count query asking for no fewer reads only those terms' day rows.
    /// </summary>
    public const int CandidateMin = 3;

    public const string RecordColumns = "response_id, customer_id, template_id, kind, day, language, band, terms";

    private const string Count =
        """
        INSERT INTO comment_term_counts (template_id, day, language, term, kind, low, middle, high)
        SELECT $template, $day, $language, value, $kind, $low, $middle, $high FROM json_each($terms) WHERE true
        ON CONFLICT (template_id, language, term, day) DO UPDATE SET
            low = low + excluded.low, middle = middle + excluded.middle, high = high + excluded.high;
        INSERT INTO comment_term_totals (term, language, low, middle, high)
        SELECT value, $language, $low, $middle, $high FROM json_each($terms) WHERE true
        ON CONFLICT (term, language) DO UPDATE SET
            low = low + excluded.low, middle = middle + excluded.middle, high = high + excluded.high
        """;

    private const string DropEmpty =
        """
        DELETE FROM comment_term_counts
        WHERE template_id = $template AND day = $day AND language = $language
          AND term IN (SELECT value FROM json_each($terms)) AND low = 0 AND middle = 0 AND high = 0;
        DELETE FROM comment_term_totals
        WHERE language = $language AND term IN (SELECT value FROM json_each($terms)) AND low = 0 AND middle = 0 AND high = 0
        """;

    /// <summary>Replaces the counted terms of <paramref name="responseId"/> with <paramref name="next"/> (null: its comment is gone).</summary>
    public static async Task MoveAsync(SqliteConnection connection, string responseId, CommentTerms? next, CancellationToken ct)
    {
        var previous = (await connection.QueryAsync($"SELECT {RecordColumns} FROM comment_terms WHERE response_id = $id", Read, ct,
            ("$id", responseId))).SingleOrDefault();
        if (previous is not null && next is not null && Same(previous, next))
        {
            return;
        }
        if (previous is not null)
        {
            await CountAsync(connection, previous, -1, ct);
            await connection.ExecuteAsync("DELETE FROM comment_terms WHERE response_id = $id", ct, ("$id", responseId));
        }
        if (next is not null)
        {
            await CountAsync(connection, next, +1, ct);
            await connection.ExecuteAsync($"INSERT INTO comment_terms ({RecordColumns}) VALUES ($response_id, $customer_id, $template_id, $kind, $day, $language, $band, $terms)",
                ct, Parameters(next));
        }
    }

    /// <summary>Takes every comment of the customer out of the counts; returns how many were counted.</summary>
    public static async Task<int> EraseAsync(SqliteConnection connection, string customerId, CancellationToken ct)
    {
        var records = await connection.QueryAsync($"SELECT {RecordColumns} FROM comment_terms WHERE customer_id = $customer", Read, ct,
            ("$customer", customerId));
        foreach (var record in records)
        {
            await CountAsync(connection, record, -1, ct);
        }
        await connection.ExecuteAsync("DELETE FROM comment_terms WHERE customer_id = $customer", ct, ("$customer", customerId));
        return records.Count;
    }

    // Two statements: every term and the comments row move by one, the occurrences row by the number of terms.
    private static async Task CountAsync(SqliteConnection connection, CommentTerms comment, int delta, CancellationToken ct)
    {
        await connection.ExecuteAsync(Count, ct, Parameters(comment, comment.Terms.Prepend(TermCount.Comments), delta));
        await connection.ExecuteAsync(Count, ct, Parameters(comment, [TermCount.Occurrences], delta * comment.Terms.Count));
        if (delta < 0)
        {
            await connection.ExecuteAsync(DropEmpty, ct, Parameters(comment, comment.Rows().Select(r => r.Term), 0));
        }
    }

    private static (string, object?)[] Parameters(CommentTerms comment, IEnumerable<string> terms, int delta) =>
    [
        ("$template", comment.TemplateId), ("$day", SqliteRollupRows.Day(comment.Day)), ("$language", comment.Language),
        ("$kind", comment.Kind.ToString()), ("$terms", SqliteValues.ToJson(terms)),
        ("$low", comment.Band == ScoreBand.Low ? delta : 0), ("$middle", comment.Band == ScoreBand.Middle ? delta : 0),
        ("$high", comment.Band == ScoreBand.High ? delta : 0),
    ];

    public static (string, object?)[] Parameters(CommentTerms c) =>
    [
        ("$response_id", c.ResponseId), ("$customer_id", c.CustomerId), ("$template_id", c.TemplateId), ("$kind", c.Kind.ToString()),
        ("$day", SqliteRollupRows.Day(c.Day)), ("$language", c.Language), ("$band", (int)c.Band), ("$terms", SqliteValues.ToJson(c.Terms)),
    ];

    public static CommentTerms Read(SqliteDataReader r) => new()
    {
        ResponseId = r.GetString(0),
        CustomerId = r.GetString(1),
        TemplateId = r.GetString(2),
        Kind = Enum.Parse<SurveyKind>(r.GetString(3)),
        Day = DateOnly.ParseExact(r.GetString(4), "yyyy-MM-dd"),
        Language = r.GetString(5),
        Band = (ScoreBand)r.GetInt32(6),
        Terms = SqliteValues.FromJson<string[]>(r.GetString(7)),
    };

    private static bool Same(CommentTerms a, CommentTerms b) =>
        (a.TemplateId, a.Day, a.Language, a.Band, a.CustomerId) == (b.TemplateId, b.Day, b.Language, b.Band, b.CustomerId)
        && a.Terms.SequenceEqual(b.Terms, StringComparer.Ordinal);
}
