using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Microsoft.Data.Sqlite;

namespace Feedback.Storage.Sqlite;

/// <summary>Events with their outcome; recording takes the write lock first (BEGIN IMMEDIATE), so concurrent duplicates serialize.</summary>
public sealed class SqliteEventStore(SqliteDatabase database) : IEventStore
{
    internal const string OutcomeById = "SELECT outcome FROM events WHERE id = $id";

    internal const string OutcomesByIds = "SELECT id, outcome FROM events WHERE id IN (SELECT value FROM json_each($ids))";

    public async Task<EventOutcome?> GetOutcomeAsync(string eventId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await OutcomeAsync(connection, eventId, ct);
    }

    public async Task<IReadOnlyDictionary<string, EventOutcome>> GetOutcomesAsync(IReadOnlyCollection<string> eventIds, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync(OutcomesByIds,
                r => (Id: r.GetString(0), Outcome: SqliteValues.FromJson<EventOutcome>(r.GetString(1))), ct, ("$ids", SqliteValues.ToJson(eventIds))))
            .ToDictionary(o => o.Id, o => o.Outcome, StringComparer.Ordinal);
    }

    // Group commit: concurrent ingests share one commit (see SqliteGroupCommit).
    public async Task<EventOutcome> RecordAsync(FeedbackEvent feedbackEvent, EventOutcome outcome, IReadOnlyList<Survey> surveys, DateTimeOffset receivedAt, CancellationToken ct = default) =>
        (await RecordManyAsync([new PlannedEvent(feedbackEvent, outcome, surveys)], receivedAt, ct))[0];

    // One write unit of the group commit for the whole batch; each statement is compiled once and run per row.
    public async Task<IReadOnlyList<EventOutcome>> RecordManyAsync(IReadOnlyList<PlannedEvent> planned, DateTimeOffset receivedAt, CancellationToken ct = default) =>
        planned.Count == 0 ? [] : await database.WriteAsync((connection, token) => RecordManyAsync(connection, planned, receivedAt, token), ct);

    private static async Task<IReadOnlyList<EventOutcome>> RecordManyAsync(SqliteConnection connection, IReadOnlyList<PlannedEvent> planned,
        DateTimeOffset receivedAt, CancellationToken ct)
    {
        await using var known = new SqliteReusedCommand(connection, OutcomeById);
        await using var insertSurvey = new SqliteReusedCommand(connection,
            $"INSERT INTO surveys ({SqliteSurveyRows.Columns}) VALUES ({SqliteSurveyRows.Values}) ON CONFLICT (dedupe_key) DO NOTHING",
            "A survey id or token exists.");
        await using var insertEvent = new SqliteReusedCommand(connection,
            "INSERT INTO events (id, type, received_at, outcome) VALUES ($id, $type, $at, $outcome)", "The event id exists.");
        var outcomes = new List<EventOutcome>(planned.Count);
        foreach (var (feedbackEvent, outcome, surveys) in planned)
        {
            if (await known.ScalarAsync(ct, ("$id", feedbackEvent.Id)) is string stored)
            {
                outcomes.Add(SqliteValues.FromJson<EventOutcome>(stored));
                continue;
            }
            var duplicates = new HashSet<string>();
            foreach (var survey in surveys)
            {
                if (await insertSurvey.ExecuteAsync(ct, SqliteSurveyRows.Parameters(survey)) == 0)
                {
                    duplicates.Add(survey.Id);
                }
            }
            var final = duplicates.Count == 0 ? outcome : outcome with
            {
                Surveys = outcome.Surveys.Where(s => !duplicates.Contains(s.Id)).ToList(),
                Skipped = [.. outcome.Skipped, .. outcome.Surveys.Where(s => duplicates.Contains(s.Id)).Select(s => new SkippedTemplate(s.TemplateId, SkipReason.Duplicate))],
            };
            await insertEvent.ExecuteAsync(ct,
                ("$id", feedbackEvent.Id), ("$type", feedbackEvent.Type), ("$at", SqliteValues.Time(receivedAt)), ("$outcome", SqliteValues.ToJson(final)));
            outcomes.Add(final);
        }
        return outcomes;
    }

    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync("DELETE FROM events WHERE received_at < $before", ct, ("$before", SqliteValues.Time(before)));
    }

    private static async Task<EventOutcome?> OutcomeAsync(SqliteConnection connection, string eventId, CancellationToken ct) =>
        (await connection.QueryAsync(OutcomeById, r => SqliteValues.FromJson<EventOutcome>(r.GetString(0)), ct,
            ("$id", eventId))).SingleOrDefault();
}
