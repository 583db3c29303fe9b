using Feedback.Core.Common;
using Feedback.Core.Storage;
using Feedback.Core.Templates;
using Microsoft.Data.Sqlite;

namespace Feedback.Storage.Sqlite;

/// <summary>Templates as JSON documents: the current version in <c>templates</c>, every version in <c>template_versions</c>.</summary>
public sealed class SqliteTemplateStore(SqliteDatabase database) : ITemplateStore
{
    public async Task CreateAsync(SurveyTemplate template, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var body = SqliteValues.ToJson(template);
        await connection.InsertAsync(
            "INSERT INTO templates (id, version, status, trigger_type, body) VALUES ($id, $version, $status, $trigger, $body)",
            $"Template '{template.Id}' exists.", ct,
            ("$id", template.Id), ("$version", template.Version), ("$status", template.Status.ToString()), ("$trigger", template.Trigger), ("$body", body));
        await InsertVersionAsync(connection, template, body, ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<SurveyTemplate?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync("SELECT body FROM templates WHERE id = $id", Read, ct, ("$id", id));
        return rows.SingleOrDefault();
    }

    public async Task<SurveyTemplate?> GetVersionAsync(string id, int version, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync(
            "SELECT body FROM template_versions WHERE id = $id AND version = $version", Read, ct, ("$id", id), ("$version", version));
        return rows.SingleOrDefault();
    }

    public async Task<IReadOnlyList<SurveyTemplate>> ListVersionsAsync(string id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryAsync("SELECT body FROM template_versions WHERE id = $id ORDER BY version", Read, ct, ("$id", id));
    }

    public async Task<Page<SurveyTemplate>> ListAsync(TemplateQuery query, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var items = await connection.QueryAsync(
            """
            SELECT body FROM templates
            WHERE ($status IS NULL OR status = $status) AND ($after IS NULL OR id > $after)
            ORDER BY id LIMIT $limit
            """,
            Read, ct, ("$status", query.Status?.ToString()), ("$after", query.After), ("$limit", query.Limit + 1));
        return items.Count > query.Limit
            ? new Page<SurveyTemplate>(items[..query.Limit], PageCursor.Encode(items[query.Limit - 1].Id))
            : new Page<SurveyTemplate>(items, null);
    }

    public async Task<bool> ReplaceAsync(SurveyTemplate template, int expectedVersion, CancellationToken ct = default)
    {
        if (template.Version != expectedVersion + 1)
        {
            throw new ArgumentException("The new version must follow the expected one.", nameof(template));
        }
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var body = SqliteValues.ToJson(template);
        var changed = await connection.ExecuteAsync(
            """
            UPDATE templates SET version = $version, status = $status, trigger_type = $trigger, body = $body
            WHERE id = $id AND version = $expected
            """, ct,
            ("$id", template.Id), ("$version", template.Version), ("$status", template.Status.ToString()),
            ("$trigger", template.Trigger), ("$body", body), ("$expected", expectedVersion));
        if (changed == 0)
        {
            return false;
        }
        await InsertVersionAsync(connection, template, body, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<SurveyTemplate>> ListActiveByTriggerAsync(string eventType, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryAsync(
            "SELECT body FROM templates WHERE trigger_type = $trigger AND status = $status ORDER BY id", Read, ct,
            ("$trigger", eventType), ("$status", nameof(TemplateStatus.Active)));
    }

    public async Task<IReadOnlyList<SurveyTemplate>> ListActiveCancelledByAsync(string eventType, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryAsync(
            """
            SELECT body FROM templates
            WHERE status = $status AND EXISTS (SELECT 1 FROM json_each(body, '$.cancelOn') WHERE value = $type)
            ORDER BY id
            """, Read, ct, ("$type", eventType), ("$status", nameof(TemplateStatus.Active)));
    }

    private static Task InsertVersionAsync(SqliteConnection connection, SurveyTemplate template, string body, CancellationToken ct) =>
        connection.ExecuteAsync("INSERT INTO template_versions (id, version, body) VALUES ($id, $version, $body)", ct,
            ("$id", template.Id), ("$version", template.Version), ("$body", body));

    private static SurveyTemplate Read(SqliteDataReader reader) => SqliteValues.FromJson<SurveyTemplate>(reader.GetString(0));
}
