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

    public static readonly string Columns = $"template_id, dimension, value, day, kind, {Histogram}, sent";

    // (score = i) is 1 or 0 in SQLite; a send has score -1, so it touches no histogram cell and only the sent count.
    private static readonly string Upsert =
        $"""
        INSERT INTO score_rollups ({Columns})
        SELECT template_id, dimension, value, day, kind,
            {string.Join(", ", Enumerable.Range(0, ScoreRollup.HistogramLength).Select(i => $"(score = {i}) * change"))}, (score < 0) * change
        FROM (SELECT json_extract(d.value, '$.templateId') AS template_id, json_extract(d.value, '$.dimension') AS dimension,
                     json_extract(d.value, '$.value') AS value, json_extract(d.value, '$.day') AS day, json_extract(d.value, '$.kind') AS kind,
                     json_extract(d.value, '$.score') AS score, json_extract(d.value, '$.change') AS change
              FROM json_each($deltas) AS d)
        WHERE true
        ON CONFLICT (template_id, dimension, value, day) DO UPDATE SET
            {string.Join(", ", Enumerable.Range(0, ScoreRollup.HistogramLength).Select(i => $"h{i} = h{i} + excluded.h{i}"))}, sent = sent + excluded.sent
        """;

    /// <summary>A delta as the statement reads it: kind and day as their columns hold them, a send's score as −1.</summary>
    private sealed record Row(string TemplateId, string Kind, string Day, string Dimension, string Value, int Score, int Change);

    public static async Task AddAsync(SqliteConnection connection, IReadOnlyList<RollupDelta> deltas, CancellationToken ct)
    {
        if (deltas.Count == 0)
        {
            return;
        }
        var rows = deltas.Select(d => new Row(d.TemplateId, d.Kind.ToString(), Day(d.Day), d.Dimension, d.Value, d.Score ?? -1, d.Change));
        await connection.ExecuteAsync(Upsert, ct, ("$deltas", SqliteValues.ToJson(rows)));
    }

    public static (string, object?)[] Parameters(ScoreRollup r) =>
    [
        ("$template_id", r.TemplateId), ("$dimension", r.Dimension), ("$value", r.Value), ("$day", Day(r.Day)), ("$kind", r.Kind.ToString()),
        .. r.Histogram.Select((count, i) => ($"$h{i}", (object?)count)), ("$sent", r.Sent),
    ];

    public static ScoreRollup Read(SqliteDataReader r) => new()
    {
        TemplateId = r.GetString(0),
        Dimension = r.GetString(1),
        Value = r.GetString(2),
        Day = DateOnly.ParseExact(r.GetString(3), DayFormat, CultureInfo.InvariantCulture),
        Kind = Enum.Parse<SurveyKind>(r.GetString(4)),
        Histogram = [.. Enumerable.Range(5, ScoreRollup.HistogramLength).Select(r.GetInt64)],
        Sent = r.GetInt64(5 + ScoreRollup.HistogramLength),
    };

    /// <summary>ISO days sort as text, so day ranges are plain comparisons.</summary>
    public static string Day(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    private const string DayFormat = "yyyy-MM-dd";
}
