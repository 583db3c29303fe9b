using Feedback.Core.Surveys;
using Feedback.Core.Templates;
using Microsoft.Data.Sqlite;

namespace Feedback.Storage.Sqlite;

/// <summary>
/// A survey row: mutable state (status, lease, times) in columns, the immutable rest (customer, properties, locale)
/// as a JSON body, so each fact has exactly one home.
/// </summary>
internal static class SqliteSurveyRows
{
    public const string Columns =
        "id, template_id, template_version, kind, event_id, subject_id, customer_id, email, status, send_at, created_at, token, " +
        "attempts, lease_owner, lease_until, sent_at, reminder_at, reminder_sent_at, expires_at, delivered_at, opened_at, " +
        "answered_at, cancelled_at, failure_reason, dedupe_key, body, send_attempted_at";

    public const string Values =
        "$id, $template_id, $template_version, $kind, $event_id, $subject_id, $customer_id, $email, $status, $send_at, $created_at, $token, " +
        "$attempts, $lease_owner, $lease_until, $sent_at, $reminder_at, $reminder_sent_at, $expires_at, $delivered_at, $opened_at, " +
        "$answered_at, $cancelled_at, $failure_reason, $dedupe_key, $body, $send_attempted_at";

    private sealed record Body(Customer Customer, string Locale, IReadOnlyDictionary<string, string> Properties);

    public static (string, object?)[] Parameters(Survey s) =>
    [
        ("$id", s.Id), ("$template_id", s.TemplateId), ("$template_version", s.TemplateVersion), ("$kind", s.Kind.ToString()),
        ("$event_id", s.EventId), ("$subject_id", s.SubjectId), ("$customer_id", s.Customer.Id), ("$email", s.Customer.Email),
        ("$status", SqliteStatuses.Value(s.Status)), ("$send_at", SqliteValues.Time(s.SendAt)), ("$created_at", SqliteValues.Time(s.CreatedAt)),
        ("$token", s.Token), ("$attempts", s.Attempts), ("$lease_owner", s.LeaseOwner), ("$lease_until", SqliteValues.TimeOrNull(s.LeaseUntil)),
        ("$sent_at", SqliteValues.TimeOrNull(s.SentAt)), ("$reminder_at", SqliteValues.TimeOrNull(s.ReminderAt)),
        ("$reminder_sent_at", SqliteValues.TimeOrNull(s.ReminderSentAt)), ("$expires_at", SqliteValues.TimeOrNull(s.ExpiresAt)),
        ("$delivered_at", SqliteValues.TimeOrNull(s.DeliveredAt)), ("$opened_at", SqliteValues.TimeOrNull(s.OpenedAt)),
        ("$answered_at", SqliteValues.TimeOrNull(s.AnsweredAt)), ("$cancelled_at", SqliteValues.TimeOrNull(s.CancelledAt)),
        ("$failure_reason", s.FailureReason), ("$dedupe_key", s.DedupeKey),
        ("$body", SqliteValues.ToJson(new Body(s.Customer, s.Locale, s.Properties))),
        ("$send_attempted_at", SqliteValues.TimeOrNull(s.SendAttemptedAt)),
    ];

    /// <summary>
    /// Inserts a survey unless its dedupe key is taken (false). The upsert clause covers the dedupe key only; a taken id
    /// or token still raises, as <see cref="Core.Storage.DuplicateKeyException"/>.
    /// </summary>
    public static async Task<bool> TryInsertAsync(SqliteConnection connection, Survey survey, CancellationToken ct) =>
        await connection.InsertAsync(
            $"INSERT INTO surveys ({Columns}) VALUES ({Values}) ON CONFLICT (dedupe_key) DO NOTHING",
            $"Survey '{survey.Id}' or its token exists.", ct, Parameters(survey)) == 1;

    public static Survey Read(SqliteDataReader r)
    {
        var body = SqliteValues.FromJson<Body>(r.GetString(25));
        return new Survey
        {
            Id = r.GetString(0),
            TemplateId = r.GetString(1),
            TemplateVersion = r.GetInt32(2),
            Kind = Enum.Parse<SurveyKind>(r.GetString(3)),
            EventId = r.IsDBNull(4) ? null : r.GetString(4),
            SubjectId = r.GetString(5),
            Customer = body.Customer,
            Locale = body.Locale,
            Properties = body.Properties,
            Status = Enum.Parse<SurveyStatus>(r.GetString(8)),
            SendAt = SqliteValues.ParseTime(r.GetString(9)),
            CreatedAt = SqliteValues.ParseTime(r.GetString(10)),
            Token = r.GetString(11),
            Attempts = r.GetInt32(12),
            LeaseOwner = r.IsDBNull(13) ? null : r.GetString(13),
            LeaseUntil = Time(r, 14),
            SentAt = Time(r, 15),
            ReminderAt = Time(r, 16),
            ReminderSentAt = Time(r, 17),
            ExpiresAt = Time(r, 18),
            DeliveredAt = Time(r, 19),
            OpenedAt = Time(r, 20),
            AnsweredAt = Time(r, 21),
            CancelledAt = Time(r, 22),
            FailureReason = r.IsDBNull(23) ? null : r.GetString(23),
            SendAttemptedAt = Time(r, 26),
        };
    }

    private static DateTimeOffset? Time(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : SqliteValues.ParseTime(r.GetString(ordinal));
}
