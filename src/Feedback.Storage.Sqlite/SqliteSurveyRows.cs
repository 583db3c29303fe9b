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

    // Delivery is immutable, so it lives in the body; rows written before link surveys existed read as e-mail.
    private sealed record Body(Customer Customer, string Locale, IReadOnlyDictionary<string, string> Properties,
        SurveyDelivery Delivery = SurveyDelivery.Email);

    // The email column is NOT NULL since the first schema; a link survey's customer without an address stores '' there,
    // and the body, which the survey is read from, keeps the null.
    public static (string, object?)[] Parameters(Survey s) =>
    [
        ("$id", s.Id), ("$template_id", s.TemplateId), ("$template_version", s.TemplateVersion), ("$kind", s.Kind.ToString()),
        ("$event_id", s.EventId), ("$subject_id", s.SubjectId), ("$customer_id", s.Customer.Id), ("$email", s.Customer.Email ?? ""),
        ("$status", SqliteStatuses.Value(s.Status)), ("$send_at", SqliteValues.Time(s.SendAt)), ("$created_at", SqliteValues.Time(s.CreatedAt)),
        ("$token", s.Token), ("$attempts", s.Attempts), ("$lease_owner", s.LeaseOwner), ("$lease_until", SqliteValues.TimeOrNull(s.LeaseUntil)),
        ("$sent_at", SqliteValues.TimeOrNull(s.SentAt)), ("$reminder_at", SqliteValues.TimeOrNull(s.ReminderAt)),
        ("$reminder_sent_at", SqliteValues.TimeOrNull(s.ReminderSentAt)), ("$expires_at", SqliteValues.TimeOrNull(s.ExpiresAt)),
        ("$delivered_at", SqliteValues.TimeOrNull(s.DeliveredAt)), ("$opened_at", SqliteValues.TimeOrNull(s.OpenedAt)),
        ("$answered_at", SqliteValues.TimeOrNull(s.AnsweredAt)), ("$cancelled_at", SqliteValues.TimeOrNull(s.CancelledAt)),
        ("$failure_reason", s.FailureReason), ("$dedupe_key", s.DedupeKey),
        ("$body", SqliteValues.ToJson(new Body(s.Customer, s.Locale, s.Properties, s.Delivery))),
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
        var body = SqliteValues.FromJson<Body>(r.GetString(Column.Body));
        return new Survey
        {
            Id = r.GetString(Column.Id),
            TemplateId = r.GetString(Column.TemplateId),
            TemplateVersion = r.GetInt32(Column.TemplateVersion),
            Kind = Enum.Parse<SurveyKind>(r.GetString(Column.Kind)),
            EventId = r.IsDBNull(Column.EventId) ? null : r.GetString(Column.EventId),
            SubjectId = r.GetString(Column.SubjectId),
            Customer = body.Customer,
            Delivery = body.Delivery,
            Locale = body.Locale,
            Properties = body.Properties,
            Status = Enum.Parse<SurveyStatus>(r.GetString(Column.Status)),
            SendAt = SqliteValues.ParseTime(r.GetString(Column.SendAt)),
            CreatedAt = SqliteValues.ParseTime(r.GetString(Column.CreatedAt)),
            Token = r.GetString(Column.Token),
            Attempts = r.GetInt32(Column.Attempts),
            LeaseOwner = r.IsDBNull(Column.LeaseOwner) ? null : r.GetString(Column.LeaseOwner),
            LeaseUntil = Time(r, Column.LeaseUntil),
            SentAt = Time(r, Column.SentAt),
            ReminderAt = Time(r, Column.ReminderAt),
            ReminderSentAt = Time(r, Column.ReminderSentAt),
            ExpiresAt = Time(r, Column.ExpiresAt),
            DeliveredAt = Time(r, Column.DeliveredAt),
            OpenedAt = Time(r, Column.OpenedAt),
            AnsweredAt = Time(r, Column.AnsweredAt),
            CancelledAt = Time(r, Column.CancelledAt),
            FailureReason = r.IsDBNull(Column.FailureReason) ? null : r.GetString(Column.FailureReason),
            SendAttemptedAt = Time(r, Column.SendAttemptedAt),
        };
    }

    private static DateTimeOffset? Time(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : SqliteValues.ParseTime(r.GetString(ordinal));

    // Each column's ordinal in Columns, looked up by name once.
    private static class Column
    {
        public static readonly int
            Id = Of("id"),
            TemplateId = Of("template_id"),
            TemplateVersion = Of("template_version"),
            Kind = Of("kind"),
            EventId = Of("event_id"),
            SubjectId = Of("subject_id"),
            Status = Of("status"),
            SendAt = Of("send_at"),
            CreatedAt = Of("created_at"),
            Token = Of("token"),
            Attempts = Of("attempts"),
            LeaseOwner = Of("lease_owner"),
            LeaseUntil = Of("lease_until"),
            SentAt = Of("sent_at"),
            ReminderAt = Of("reminder_at"),
            ReminderSentAt = Of("reminder_sent_at"),
            ExpiresAt = Of("expires_at"),
            DeliveredAt = Of("delivered_at"),
            OpenedAt = Of("opened_at"),
            AnsweredAt = Of("answered_at"),
            CancelledAt = Of("cancelled_at"),
            FailureReason = Of("failure_reason"),
            Body = Of("body"),
            SendAttemptedAt = Of("send_attempted_at");

        private static int Of(string name) => SqliteColumns.Ordinal(Columns, name);
    }
}
