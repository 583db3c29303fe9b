using Feedback.Core.Responses;
using Feedback.Core.Storage;
using Feedback.Core.Templates;
using Microsoft.Data.Sqlite;

namespace Feedback.Storage.Sqlite;

/// <summary>
/// A response row: every field a list can filter on is a column (so the indexes can serve it); properties are a JSON
/// object, filtered with <c>json_extract</c>, and reasons a JSON array, filtered with <c>json_each</c>.
/// </summary>
internal static class SqliteResponseRows
{
    public const string Columns =
        "id, survey_id, template_id, kind, score, comment, has_comment, locale, customer_id, subject_id, channel, properties, answered_at, updated_at, reasons";

    public const string Values =
        "$id, $survey_id, $template_id, $kind, $score, $comment, $has_comment, $locale, $customer_id, $subject_id, $channel, $properties, $answered_at, $updated_at, $reasons";

    /// <summary>Every column but the id, taken from the row being inserted: the last answer replaces the whole record.</summary>
    public static readonly string ReplaceAll = string.Join(", ", Columns.Split(", ").Skip(1).Select(c => $"{c} = excluded.{c}"));

    /// <summary>The filters of <see cref="ResponseQuery"/>; a null parameter matches everything.</summary>
    public const string Filter =
        """
        ($template IS NULL OR template_id = $template) AND ($kind IS NULL OR kind = $kind)
          AND ($from IS NULL OR answered_at >= $from) AND ($to IS NULL OR answered_at < $to)
          AND ($min IS NULL OR score >= $min) AND ($max IS NULL OR score <= $max)
          AND ($has_comment IS NULL OR has_comment = $has_comment) AND ($customer IS NULL OR customer_id = $customer)
          AND ($channel IS NULL OR channel = $channel)
          AND ($updated_since IS NULL OR updated_at >= $updated_since)
          AND ($reason IS NULL OR EXISTS (SELECT 1 FROM json_each(responses.reasons) AS given WHERE given.value = $reason))
          AND NOT EXISTS (SELECT 1 FROM json_each($properties) AS wanted
                          WHERE json_extract(responses.properties, '$."' || wanted.key || '"') IS NOT wanted.value)
        """;

    /// <summary>List order: by answeredAt, then id; the indexes <c>(answered_at, id)</c> and <c>(template_id, answered_at, id)</c> serve it.</summary>
    public const string Order = "answered_at, id";

    /// <summary>The rows after a cursor's position, in <see cref="Order"/> (a row value compares both columns in turn).</summary>
    public const string After = "($after_at IS NULL OR (answered_at, id) > ($after_at, $after_id))";

    public static (string, object?)[] AfterParameters(ResponsePosition? after) =>
        [("$after_at", after is null ? null : SqliteValues.Time(after.AnsweredAt)), ("$after_id", after?.Id)];

    public static (string, object?)[] Parameters(SurveyResponse r) =>
    [
        ("$id", r.Id), ("$survey_id", r.SurveyId), ("$template_id", r.TemplateId), ("$kind", r.Kind.ToString()), ("$score", r.Score),
        ("$comment", r.Comment), ("$has_comment", HasComment(r.Comment)), ("$locale", r.Locale), ("$customer_id", r.CustomerId),
        ("$subject_id", r.SubjectId), ("$channel", r.Channel), ("$properties", SqliteValues.ToJson(r.Properties)),
        ("$answered_at", SqliteValues.Time(r.AnsweredAt)), ("$updated_at", SqliteValues.Time(r.UpdatedAt)),
        ("$reasons", SqliteValues.ToJson(r.Reasons)),
    ];

    public static (string, object?)[] FilterParameters(ResponseQuery q)
    {
        // Names are quoted into a JSON path; the API allows only letters, digits, '_', '.' and '-', so a quote is a bug upstream.
        if (q.Properties.Keys.FirstOrDefault(k => k.Contains('"')) is { } bad)
        {
            throw new ArgumentException($"Property name '{bad}' contains a double quote.", nameof(q));
        }
        return
        [
            ("$template", q.TemplateId), ("$kind", q.Kind?.ToString()), ("$from", Time(q.From)), ("$to", Time(q.To)),
            ("$min", q.MinScore), ("$max", q.MaxScore), ("$has_comment", q.HasComment), ("$customer", q.CustomerId), ("$channel", q.Channel),
            ("$updated_since", Time(q.UpdatedSince)), ("$properties", SqliteValues.ToJson(q.Properties)), ("$reason", q.Reason),
        ];
    }

    public static SurveyResponse Read(SqliteDataReader r) => new()
    {
        Id = r.GetString(Column.Id),
        SurveyId = r.IsDBNull(Column.SurveyId) ? null : r.GetString(Column.SurveyId),
        TemplateId = r.GetString(Column.TemplateId),
        Kind = Enum.Parse<SurveyKind>(r.GetString(Column.Kind)),
        Score = r.GetInt32(Column.Score),
        Comment = r.IsDBNull(Column.Comment) ? null : r.GetString(Column.Comment),
        Locale = r.GetString(Column.Locale),
        CustomerId = r.GetString(Column.CustomerId),
        SubjectId = r.GetString(Column.SubjectId),
        Channel = r.GetString(Column.Channel),
        Properties = SqliteValues.FromJson<Dictionary<string, string>>(r.GetString(Column.Properties)),
        AnsweredAt = SqliteValues.ParseTime(r.GetString(Column.AnsweredAt)),
        UpdatedAt = SqliteValues.ParseTime(r.GetString(Column.UpdatedAt)),
        Reasons = SqliteValues.FromJson<List<string>>(r.GetString(Column.Reasons)),
    };

    /// <summary>A blank comment counts as none, the same rule the answer page applies.</summary>
    public static bool HasComment(string? comment) => !string.IsNullOrWhiteSpace(comment);

    private static string? Time(DateTimeOffset? value) => value is { } v ? SqliteValues.Time(v) : null;

    // Each column's ordinal in Columns, looked up by name once.
    private static class Column
    {
        public static readonly int
            Id = Of("id"),
            SurveyId = Of("survey_id"),
            TemplateId = Of("template_id"),
            Kind = Of("kind"),
            Score = Of("score"),
            Comment = Of("comment"),
            Locale = Of("locale"),
            CustomerId = Of("customer_id"),
            SubjectId = Of("subject_id"),
            Channel = Of("channel"),
            Properties = Of("properties"),
            AnsweredAt = Of("answered_at"),
            UpdatedAt = Of("updated_at"),
            Reasons = Of("reasons");

        private static int Of(string name) => SqliteColumns.Ordinal(Columns, name);
    }
}
