using Feedback.Core.FollowUps;
using Microsoft.Data.Sqlite;

namespace Feedback.Storage.Sqlite;

/// <summary>
/// Rows of <c>followups</c>: the follow-up as a JSON document in <c>body</c>, and copies of the fields lists and jobs filter
/// on as columns. Both the response store (inside an answer's transaction) and the follow-up store write through here.
/// </summary>
internal static class SqliteFollowUpRows
{
    public const string SelectBodies = "SELECT body FROM followups";

    private const string Insert = """
        INSERT INTO followups (id, response_id, template_id, customer_id, status, assignee, overdue, due_at, created_at, version, body)
        VALUES ($id, $response, $template, $customer, $status, $assignee, $overdue, $due, $created, $version, $body)
        """;

    private const string Replace = """
        UPDATE followups SET status = $status, assignee = $assignee, overdue = $overdue, version = $version, body = $body
        WHERE id = $id AND version = $expected
        """;

    // A query of a single value: the body.
    public static FollowUp Read(SqliteDataReader reader) => SqliteValues.FromJson<FollowUp>(reader.GetString(0));

    public static string Status(FollowUpStatus status) => status.ToString();

    public static Task<int> InsertAsync(SqliteConnection connection, FollowUp followUp, CancellationToken ct) =>
        connection.InsertAsync(Insert, $"Follow-up of response '{followUp.ResponseId}' exists.", ct, Parameters(followUp));

    public static Task<int> ReplaceAsync(SqliteConnection connection, FollowUp updated, int expectedVersion, CancellationToken ct) =>
        connection.ExecuteAsync(Replace, ct, [.. Parameters(updated), ("$expected", expectedVersion)]);

    public static async Task<FollowUp?> ByResponseAsync(SqliteConnection connection, string responseId, CancellationToken ct) =>
        (await connection.QueryAsync($"{SelectBodies} WHERE response_id = $response", Read, ct, ("$response", responseId))).SingleOrDefault();

    /// <summary>Persists what an answer does to its follow-up (inside the answer's transaction); returns the one it opened.</summary>
    public static async Task<FollowUp?> ApplyAsync(SqliteConnection connection, FollowUpChange? change, CancellationToken ct)
    {
        if (change is null)
        {
            return null;
        }
        if (await ByResponseAsync(connection, change.ResponseId, ct) is { } existing)
        {
            if (change.ApplyTo(existing) is { } updated)
            {
                await ReplaceAsync(connection, updated, existing.Version, ct);
            }
            return null;
        }
        if (change.Open is { } open)
        {
            await InsertAsync(connection, open, ct);
        }
        return change.Open;
    }

    private static (string, object?)[] Parameters(FollowUp f) =>
    [
        ("$id", f.Id), ("$response", f.ResponseId), ("$template", f.TemplateId), ("$customer", f.Customer.Id),
        ("$status", Status(f.Status)), ("$assignee", f.Assignee), ("$overdue", f.Overdue ? 1 : 0), ("$due", SqliteValues.Time(f.DueAt)),
        ("$created", SqliteValues.Time(f.CreatedAt)), ("$version", f.Version), ("$body", SqliteValues.ToJson(f)),
    ];
}
