using System.Text.RegularExpressions;
using Feedback.Storage.Contract;

namespace Feedback.Storage.Sqlite.Tests;

/// <summary>
/// Every statement the ingest, dispatch, answer and housekeeping paths run on <c>surveys</c> and <c>events</c> finds its
/// rows through an index, on the fresh, fully migrated file. A partial index serves a statement only while the
/// statement's WHERE names the index's condition term for term, so a changed status set or a rewritten WHERE shows here
/// as a scan.
/// </summary>
public sealed partial class SqliteQueryPlanTests : StorageContract<SqliteStorageUnderTest>
{
    private const string Id = "sqlite_autoindex_surveys_1";
    private const string Token = "sqlite_autoindex_surveys_2";
    private const string EventId = "sqlite_autoindex_events_1";

    /// <summary>Each statement by the path and call that runs it, with the indexes its plan must name.</summary>
    private static readonly Dictionary<string, (string Sql, string[] Indexes)> Statements = new()
    {
        ["ingest: known event"] = (SqliteEventStore.OutcomeById, [EventId]),
        ["ingest: known events of a batch"] = (SqliteEventStore.OutcomesByIds, [EventId]),
        ["ingest: quiet period"] = (SqliteSurveyStore.SurveyedSince, ["ix_surveys_quiet"]),
        ["ingest: quiet periods of a batch"] = (SqliteSurveyStore.LastQuietPeriodSends, ["ix_surveys_quiet"]),
        ["ingest: cancelOn by subject"] = (SqliteSurveyStore.CancelPendingBySubject, ["ix_surveys_subject"]),
        ["dispatch: claim"] = (SqliteSurveyOutbox.ClaimDue, ["ix_surveys_due", "ix_surveys_lease", Id]),
        ["dispatch: record attempt"] = (SqliteSurveyOutbox.RecordAttempt, [Id]),
        ["dispatch: mark sent"] = (SqliteSurveyOutbox.MarkSent, [Id]),
        ["dispatch: confirm sent"] = (SqliteSurveyOutbox.ConfirmSent, [Id]),
        ["dispatch: release unsent"] = (SqliteSurveyOutbox.ReleaseUnsent, [Id]),
        ["dispatch: owner's update"] = (SqliteSurveyOutbox.OwnedUpdate("attempts = attempts + 1"), [Id]),
        ["dispatch: outbox depth"] = (SqliteSurveyHousekeepingStore.CountPending, ["ix_surveys_lease"]),
        ["answer: survey by token"] = (SqliteSurveyStore.ByToken, [Token]),
        ["answer: survey by id"] = (SqliteSurveyStore.ById, [Id]),
        ["answer: mark answered"] = (SqliteResponseStore.MarkAnswered, [Id]),
        ["provider event: stamp"] = (SqliteSurveyStore.Stamp, [Id]),
        ["api: cancel"] = (SqliteSurveyStore.Cancel, [Id]),
        ["archive: cancel a template's"] = (SqliteSurveyStore.CancelPendingByTemplate, ["ix_surveys_template"]),
        ["housekeeping: reminders"] = (SqliteSurveyHousekeepingStore.TakeDueReminders, ["ix_surveys_reminder"]),
        ["housekeeping: expiry"] = (SqliteSurveyHousekeepingStore.Expire, ["ix_surveys_expiry"]),
        ["housekeeping: retention"] = (SqliteSurveyHousekeepingStore.Purge, ["ix_surveys_retention"]),
        ["housekeeping: erasure"] = (SqliteSurveyHousekeepingStore.EraseCustomer, ["ix_surveys_quiet"]),
    };

    public static TheoryData<string> StatementNames => [.. Statements.Keys];

    [Theory]
    [MemberData(nameof(StatementNames))]
    public async Task AStatementFindsItsRowsThroughItsIndexes(string name)
    {
        var (sql, indexes) = Statements[name];

        var plan = await PlanAsync(sql);

        Assert.All(indexes, index => Assert.Matches($@"(SEARCH|SCAN) (surveys|events) USING (COVERING )?INDEX {index}\b", plan));
        // A step that reads either table names an index; SCAN alone is a full table scan.
        Assert.DoesNotMatch(TableScan(), plan);
    }

    /// <summary>The statement's plan with every parameter bound to a dummy value.</summary>
    private Task<string> PlanAsync(string sql) =>
        QueryPlans.ExplainAsync(Adapter.DatabasePath, sql,
            [.. Parameter().Matches(sql).Select(m => m.Value).Distinct().Select(p => (p, p == "$limit" ? (object?)10 : "x"))]);

    [GeneratedRegex(@"\$\w+")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^SCAN (surveys|events)$", RegexOptions.Multiline)]
    private static partial Regex TableScan();
}
