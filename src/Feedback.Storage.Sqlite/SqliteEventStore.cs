using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Microsoft.Data.Sqlite;

namespace Feedback.Storage.Sqlite;

/// <summary>Events with their outcome; recording takes the write lock first (BEGIN IMMEDIATE), so concurrent duplicates serialize.</summary>
public sealed class SqliteEventStore(SqliteDatabase database) : IEventStore
{
    public async Task<EventOutcome?> GetOutcomeAsync(string eventId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await OutcomeAsync(connection, eventId, ct);
    }

    // Group commit: concurrent ingests share one commit (see SqliteGroupCommit).
    public Task<EventOutcome> RecordAsync(FeedbackEvent feedbackEvent, EventOutcome outcome, IReadOnlyList<Survey> surveys, DateTimeOffset receivedAt, CancellationToken ct = default) =>
        database.WriteAsync((connection, token) => RecordAsync(connection, feedbackEvent, outcome, surveys, receivedAt, token), ct);

    private static async Task<EventOutcome> RecordAsync(SqliteConnection connection, FeedbackEvent feedbackEvent, EventOutcome outcome,
        IReadOnlyList<Survey> surveys, DateTimeOffset receivedAt, CancellationToken ct)
    {
        if (await OutcomeAsync(connection, feedbackEvent.Id, ct) is { } known)
        {
            return known;
        }
        var duplicates = new HashSet<string>();
        foreach (var survey in surveys)
        {
            if (!await SqliteSurveyRows.TryInsertAsync(connection, survey, ct))
            {
                duplicates.Add(survey.Id);
            }
        }
        var final = duplicates.Count == 0 ? outcome : outcome with
        {
            Surveys = outcome.Surveys.Where(s => !duplicates.Contains(s.Id)).ToList(),
            Skipped = [.. outcome.Skipped, .. outcome.Surveys.Where(s => duplicates.Contains(s.Id)).Select(s => new SkippedTemplate(s.TemplateId, SkipReason.Duplicate))],
        };
        await connection.ExecuteAsync("INSERT INTO events (id, type, received_at, outcome) VALUES ($id, $type, $at, $outcome)", ct,
            ("$id", feedbackEvent.Id), ("$type", feedbackEvent.Type), ("$at", SqliteValues.Time(receivedAt)), ("$outcome", SqliteValues.ToJson(final)));
        return final;
    }

    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync("DELETE FROM events WHERE received_at < $before", ct, ("$before", SqliteValues.Time(before)));
    }

    private static async Task<EventOutcome?> OutcomeAsync(SqliteConnection connection, string eventId, CancellationToken ct) =>
        (await connection.QueryAsync("SELECT outcome FROM events WHERE id = $id", r => SqliteValues.FromJson<EventOutcome>(r.GetString(0)), ct,
            ("$id", eventId))).SingleOrDefault();
}
