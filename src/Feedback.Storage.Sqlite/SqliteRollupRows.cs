using System.Globalization;
using Feedback.Core.Responses;
using Feedback.Core.Scoring;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;
using Microsoft.Data.Sqlite;

namespace Feedback.Storage.Sqlite;

/// <summary>
/// Moves rollup counts inside the caller's transaction. One statement per change: the rows of every dimension come in
/// as one JSON object (dimension → value) and are upserted together, so an answer costs one statement, not one per row.
/// </summary>
internal static class SqliteRollupRows
{
    private static readonly string Histogram = string.Join(", ", Enumerable.Range(0, ScoreRollup.HistogramLength).Select(i => $"h{i}"));

    public static readonly string Columns = $"template_id, dimension, value, day, kind, {Histogram}, sent";

    // ($score = i) is 1 or 0 in SQLite; a send passes score -1, so it touches no histogram cell.
    private static readonly string Upsert =
        $"""
        INSERT INTO score_rollups ({Columns})
        SELECT $template, key, value, $day, $kind, {string.Join(", ", Enumerable.Range(0, ScoreRollup.HistogramLength).Select(i => $"($score = {i}) * $delta"))}, $sent
        FROM json_each($dimensions) WHERE true
        ON CONFLICT (template_id, dimension, value, day) DO UPDATE SET
            {string.Join(", ", Enumerable.Range(0, ScoreRollup.HistogramLength).Select(i => $"h{i} = h{i} + excluded.h{i}"))}, sent = sent + excluded.sent
        """;

    /// <summary>Adds <paramref name="delta"/> (+1 or −1) at the response's day and score in each of its rows.</summary>
    public static Task CountAnswerAsync(SqliteConnection connection, SurveyResponse response, int delta, CancellationToken ct) =>
        connection.ExecuteAsync(Upsert, ct,
            ("$template", response.TemplateId), ("$kind", response.Kind.ToString()), ("$day", Day(RollupKeys.Day(response.AnsweredAt))),
            ("$dimensions", SqliteValues.ToJson(RollupKeys.Dimensions(response.Channel, response.Properties))),
            ("$score", response.Score), ("$delta", delta), ("$sent", 0));

    /// <summary>Counts one send on the survey's sent day (channel email) in each of its rows.</summary>
    public static Task CountSentAsync(SqliteConnection connection, string templateId, SurveyKind kind, DateTimeOffset sentAt,
        IReadOnlyDictionary<string, string> properties, CancellationToken ct) =>
        connection.ExecuteAsync(Upsert, ct,
            ("$template", templateId), ("$kind", kind.ToString()), ("$day", Day(RollupKeys.Day(sentAt))),
            ("$dimensions", SqliteValues.ToJson(RollupKeys.Dimensions(Channels.Email, properties))),
            ("$score", -1), ("$delta", 0), ("$sent", 1));

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
