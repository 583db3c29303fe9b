using System.Runtime.CompilerServices;
using Feedback.Core.Common;
using Feedback.Core.FollowUps;
using Feedback.Core.Storage;
using Microsoft.Data.Sqlite;
using static Feedback.Storage.Sqlite.SqliteFollowUpRows;

namespace Feedback.Storage.Sqlite;

/// <summary>Follow-ups; the response store opens them in the answer's transaction, so there is never pending work to finish.</summary>
public sealed class SqliteFollowUpStore(SqliteDatabase database) : IFollowUpStore
{
    private const string Filter = """
        ($status IS NULL OR status = $status) AND ($template IS NULL OR template_id = $template)
        AND ($assignee IS NULL OR assignee = $assignee) AND ($overdue IS NULL OR overdue = $overdue)
        """;

    public async Task<FollowUp?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync($"{SelectBodies} WHERE id = $id", Read, ct, ("$id", id))).SingleOrDefault();
    }

    public async Task<FollowUp?> GetByResponseAsync(string responseId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await ByResponseAsync(connection, responseId, ct);
    }

    public async Task<Page<FollowUp>> ListAsync(FollowUpQuery query, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var items = await connection.QueryAsync($"{SelectBodies} WHERE {Filter} AND ($after IS NULL OR id > $after) ORDER BY id LIMIT $limit", Read, ct,
            ("$status", query.Status is { } s ? Status(s) : null), ("$template", query.TemplateId), ("$assignee", query.Assignee),
            ("$overdue", query.Overdue is { } o ? (o ? 1 : 0) : null), ("$after", query.After), ("$limit", query.Limit + 1));
        return items.Count > query.Limit
            ? new Page<FollowUp>(items[..query.Limit], PageCursor.Encode(items[query.Limit - 1].Id))
            : new Page<FollowUp>(items, null);
    }

    public Task<bool> ReplaceAsync(FollowUp updated, int expectedVersion, CancellationToken ct = default) =>
        database.WriteAsync(async (connection, token) => await SqliteFollowUpRows.ReplaceAsync(connection, updated, expectedVersion, token) == 1, ct);

    // Read and mark in one write transaction: a second run finds them marked.
    public Task<IReadOnlyList<FollowUp>> MarkOverdueAsync(DateTimeOffset now, int limit, CancellationToken ct = default) =>
        database.WriteAsync<IReadOnlyList<FollowUp>>(async (connection, token) =>
        {
            var due = await connection.QueryAsync(
                $"{SelectBodies} WHERE overdue = 0 AND status <> $resolved AND due_at <= $now ORDER BY due_at LIMIT $limit", Read, token,
                ("$resolved", Status(FollowUpStatus.Resolved)), ("$now", SqliteValues.Time(now)), ("$limit", limit));
            var marked = new List<FollowUp>(due.Count);
            foreach (var followUp in due)
            {
                var overdue = followUp with { Overdue = true, UpdatedAt = now, Version = followUp.Version + 1 };
                await SqliteFollowUpRows.ReplaceAsync(connection, overdue, followUp.Version, token);
                marked.Add(overdue);
            }
            return marked;
        }, ct);

    public async IAsyncEnumerable<FollowUp> StreamAsync(FollowUpStatsQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            $"{SelectBodies} WHERE ($template IS NULL OR template_id = $template) AND ($from IS NULL OR created_at >= $from) AND ($to IS NULL OR created_at < $to) ORDER BY id",
            ("$template", query.TemplateId), ("$from", query.From is { } f ? SqliteValues.Time(f) : null), ("$to", query.To is { } t ? SqliteValues.Time(t) : null));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return Read(reader);
        }
    }

    public async Task<(long Open, long Overdue)> CountUnresolvedAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var counts = await connection.QueryAsync("SELECT count(*), coalesce(sum(overdue), 0) FROM followups WHERE status <> $resolved",
            r => (r.GetInt64(0), r.GetInt64(1)), ct, ("$resolved", Status(FollowUpStatus.Resolved)));
        return counts.Single();
    }

    public Task<int> EraseCustomerAsync(string customerId, DateTimeOffset at, CancellationToken ct = default) =>
        database.WriteAsync(async (connection, token) =>
        {
            var erased = 0;
            foreach (var followUp in await connection.QueryAsync($"{SelectBodies} WHERE customer_id = $customer", Read, token, ("$customer", customerId)))
            {
                if (followUp.Erased(at) is { } blank)
                {
                    erased += await SqliteFollowUpRows.ReplaceAsync(connection, blank, followUp.Version, token);
                }
            }
            return erased;
        }, ct);

    public Task<int> FinishPendingAsync(CancellationToken ct = default) => Task.FromResult(0);
}
