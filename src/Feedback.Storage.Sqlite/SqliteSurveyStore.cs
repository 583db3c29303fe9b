using Feedback.Core.Common;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using static Feedback.Storage.Sqlite.SqliteStatuses;
using static Feedback.Storage.Sqlite.SqliteSurveyRows;

namespace Feedback.Storage.Sqlite;

/// <summary>Surveys as records: inserts deduplicated by the unique dedupe key, reads, cancellation and provider stamps.</summary>
public sealed class SqliteSurveyStore(SqliteDatabase database) : ISurveyStore
{
    internal static readonly string ById = $"SELECT {Columns} FROM surveys WHERE id = $key";

    internal static readonly string ByToken = $"SELECT {Columns} FROM surveys WHERE token = $key";

    internal static readonly string SurveyedSince =
        $"""
        SELECT EXISTS (SELECT 1 FROM surveys WHERE customer_id = $customer AND template_id = $template
            AND send_at >= $since AND status NOT IN {OutsideQuietPeriod})
        """;

    internal static readonly string LastQuietPeriodSends =
        $"""
        SELECT customer_id, MAX(send_at) FROM surveys
        WHERE template_id = $template AND customer_id IN (SELECT value FROM json_each($customers)) AND status NOT IN {OutsideQuietPeriod}
        GROUP BY customer_id
        """;

    internal static readonly string Cancel =
        $"UPDATE surveys SET status = {Cancelled}, cancelled_at = $at, dedupe_key = NULL WHERE id = $id AND status = {Scheduled}";

    internal static readonly string CancelPendingBySubject =
        $"""
        UPDATE surveys SET status = {Cancelled}, cancelled_at = $at, dedupe_key = NULL
        WHERE subject_id = $subject AND status = {Scheduled}
          AND ($templates IS NULL OR template_id IN (SELECT value FROM json_each($templates)))
        RETURNING id
        """;

    internal static readonly string CancelPendingByTemplate =
        $"UPDATE surveys SET status = {Cancelled}, cancelled_at = $at, dedupe_key = NULL WHERE template_id = $template AND status = {Scheduled}";

    internal const string Stamp =
        "UPDATE surveys SET delivered_at = COALESCE(delivered_at, $delivered), opened_at = COALESCE(opened_at, $opened) WHERE id = $id";

    public async Task<bool> TryAddAsync(Survey survey, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await TryInsertAsync(connection, survey, ct);
    }

    public Task<Survey?> GetAsync(string id, CancellationToken ct = default) => SingleAsync(ById, id, ct);

    public Task<Survey?> GetByTokenAsync(string token, CancellationToken ct = default) => SingleAsync(ByToken, token, ct);

    public async Task<Page<Survey>> ListAsync(SurveyQuery query, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var items = await connection.QueryAsync(
            $"""
            SELECT {Columns} FROM surveys
            WHERE ($status IS NULL OR status = $status) AND ($template IS NULL OR template_id = $template)
              AND ($subject IS NULL OR subject_id = $subject) AND ($customer IS NULL OR customer_id = $customer)
              AND ($after IS NULL OR id > $after)
            ORDER BY id LIMIT $limit
            """, Read, ct,
            ("$status", query.Status is { } status ? Value(status) : null), ("$template", query.TemplateId), ("$subject", query.SubjectId),
            ("$customer", query.CustomerId), ("$after", query.After), ("$limit", query.Limit + 1));
        return items.Count > query.Limit
            ? new Page<Survey>(items[..query.Limit], PageCursor.Encode(items[query.Limit - 1].Id))
            : new Page<Survey>(items, null);
    }

    public async Task<bool> SurveyedSinceAsync(string customerId, string templateId, DateTimeOffset since, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(SurveyedSince, ("$customer", customerId), ("$template", templateId), ("$since", SqliteValues.Time(since)));
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct)) == 1;
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> LastQuietPeriodSendsAsync(string templateId, IReadOnlyCollection<string> customerIds, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync(LastQuietPeriodSends,
            r => (Customer: r.GetString(0), Last: SqliteValues.ParseTime(r.GetString(1))), ct,
            ("$template", templateId), ("$customers", SqliteValues.ToJson(customerIds))))
            .ToDictionary(l => l.Customer, l => l.Last, StringComparer.Ordinal);
    }

    public async Task<bool> CancelAsync(string id, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(Cancel, ct, ("$id", id), ("$at", SqliteValues.Time(at))) == 1;
    }

    public async Task<IReadOnlyList<string>> CancelPendingBySubjectAsync(string subjectId, IReadOnlyCollection<string>? templateIds, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryAsync(CancelPendingBySubject, r => r.GetString(0), ct,
            ("$subject", subjectId), ("$at", SqliteValues.Time(at)), ("$templates", templateIds is null ? null : SqliteValues.ToJson(templateIds)));
    }

    public async Task<int> CancelPendingByTemplateAsync(string templateId, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(CancelPendingByTemplate, ct, ("$template", templateId), ("$at", SqliteValues.Time(at)));
    }

    public async Task StampAsync(string id, DateTimeOffset? deliveredAt, DateTimeOffset? openedAt, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(Stamp, ct, ("$id", id), ("$delivered", SqliteValues.TimeOrNull(deliveredAt)), ("$opened", SqliteValues.TimeOrNull(openedAt)));
    }

    private async Task<Survey?> SingleAsync(string sql, string key, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync(sql, Read, ct, ("$key", key))).SingleOrDefault();
    }
}
