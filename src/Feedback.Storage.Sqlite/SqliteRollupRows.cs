using System.Globalization;
using Feedback.Core.Scoring;
using Feedback.Core.Templates;
using Microsoft.Data.Sqlite;

namespace Feedback.Storage.Sqlite;

/// <summary>
/// Adds the rollup deltas Core computed (<see cref="RollupKeys"/>) inside the caller's transaction. One statement per
/// change: the deltas come in as one JSON array and are upserted together, so an answer, or a batch of sends, costs one
/// statement, not one per row.
/// </summary>
internal static class SqliteRollupRows
{
    private static readonly string Histogram = string.Join(", ", Enumerable.Range(0, ScoreRollup.HistogramLength).Select(i => $"h{i}"));

    public static readonly string Columns = $"template_id, dimension, value, day, kind, {Histogram}, sent, answered";

    // (score = i) is 1 or 0 in SQLite; a send has score -1, so it touches no histogram cell and only the sent count.
    // answered moves with an answer to a sent survey (survey_answer 1), never with a send.
    private static readonly string Upsert =
        $"""
        INSERT INTO score_rollups ({Columns})
        SELECT template_id, dimension, value, day, kind,
            {string.Join(", ", Enumerable.Range(0, ScoreRollup.HistogramLength).Select(i => $"(score = {i}) * change"))}, (score < 0) * change,
            (score >= 0 AND survey_answer = 1) * change
        FROM (SELECT json_extract(d.value, '$.templateId') AS template_id, json_extract(d.value, '$.dimension') AS dimension,
                     json_extract(d.value, '$.value') AS value, json_extract(d.value, '$.day') AS day, json_extract(d.value, '$.kind') AS kind,
                     json_extract(d.value, '$.score') AS score, json_extract(d.value, '$.change') AS change,
                     json_extract(d.value, '$.surveyAnswer') AS survey_answer
              FROM json_each($deltas) AS d)
        WHERE true
        ON CONFLICT (template_id, dimension, value, day) DO UPDATE SET
            {string.Join(", ", Enumerable.Range(0, ScoreRollup.HistogramLength).Select(i => $"h{i} = h{i} + excluded.h{i}"))}, sent = sent + excluded.sent,
            answered = answered + excluded.answered
        """;

    /// <summary>A delta as the statement reads it: kind and day as their columns hold them, a send's score as −1.</summary>
    private sealed record Row(string TemplateId, string Kind, string Day, string Dimension, string Value, int Score, int Change, int SurveyAnswer);

    public static async Task AddAsync(SqliteConnection connection, IReadOnlyList<RollupDelta> deltas, CancellationToken ct)
    {
        if (deltas.Count == 0)
        {
            return;
        }
        var rows = deltas.Select(d => new Row(d.TemplateId, d.Kind.ToString(), Day(d.Day), d.Dimension, d.Value, d.Score ?? -1, d.Change, d.SurveyAnswer ? 1 : 0));
        await connection.ExecuteAsync(Upsert, ct, ("$deltas", SqliteValues.ToJson(rows)));
    }

    public static (string, object?)[] Parameters(ScoreRollup r) =>
    [
        ("$template_id", r.TemplateId), ("$dimension", r.Dimension), ("$value", r.Value), ("$day", Day(r.Day)), ("$kind", r.Kind.ToString()),
        .. r.Histogram.Select((count, i) => ($"$h{i}", (object?)count)), ("$sent", r.Sent), ("$answered", r.Answered),
    ];

    public static ScoreRollup Read(SqliteDataReader r) => new()
    {
        TemplateId = r.GetString(Column.TemplateId),
        Dimension = r.GetString(Column.Dimension),
        Value = r.GetString(Column.Value),
        Day = DateOnly.ParseExact(r.GetString(Column.Day), DayFormat, CultureInfo.InvariantCulture),
        Kind = Enum.Parse<SurveyKind>(r.GetString(Column.Kind)),
        Histogram = [.. Enumerable.Range(Column.H0, ScoreRollup.HistogramLength).Select(r.GetInt64)],
        Sent = r.GetInt64(Column.Sent),
        Answered = r.GetInt64(Column.Answered),
    };

    /// <summary>ISO days sort as text, so day ranges are plain comparisons.</summary>
    public static string Day(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    private const string DayFormat = "yyyy-MM-dd";

    // Each column's ordinal in Columns, looked up by name once; the histogram's cells follow h0 in order.
    private static class Column
    {
        public static readonly int
            TemplateId = Of("template_id"),
            Dimension = Of("dimension"),
            Value = Of("value"),
            Day = Of("day"),
            Kind = Of("kind"),
            H0 = Of("h0"),
            Sent = Of("sent"),
            Answered = Of("answered");

        private static int Of(string name) => SqliteColumns.Ordinal(Columns, name);
    }
}
