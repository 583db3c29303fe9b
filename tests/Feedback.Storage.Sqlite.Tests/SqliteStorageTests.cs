using Feedback.Core.Auth;
using Feedback.Core.Responses;
using Feedback.Core.Scoring;
using Feedback.Core.Storage;
using Feedback.Storage.Contract;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Feedback.Storage.Sqlite.Tests;

/// <summary>What only SQLite promises, on the contract's fresh file.</summary>
public sealed class SqliteStorageTests : StorageContract<SqliteStorageUnderTest>
{
    /// <summary>The survey indexes as every version before the index cut (the last migration) left them.</summary>
    private const string BeforeTheSurveyIndexCut = """
        DROP INDEX ix_surveys_due;
        DROP INDEX ix_surveys_lease;
        DROP INDEX ix_surveys_reminder;
        DROP INDEX ix_surveys_expiry;
        DROP INDEX ix_surveys_subject;
        DROP INDEX ix_surveys_template;
        DROP INDEX ix_surveys_retention;
        CREATE INDEX ix_surveys_due ON surveys (status, send_at);
        CREATE INDEX ix_surveys_lease ON surveys (status, lease_until);
        CREATE INDEX ix_surveys_reminder ON surveys (status, reminder_at);
        CREATE INDEX ix_surveys_expiry ON surveys (status, expires_at);
        CREATE INDEX ix_surveys_subject ON surveys (subject_id, status);
        CREATE INDEX ix_surveys_template ON surveys (template_id, status);
        """;

    [Fact]
    public void DirectoryIsCreated()
    {
        Assert.True(File.Exists(Adapter.DatabasePath));
    }

    [Fact]
    public async Task JournalModeIsWal()
    {
        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task SchemaVersionMatchesMigrationCount()
    {
        Assert.Equal((long)SqliteSchema.Migrations.Length, await ScalarAsync("PRAGMA user_version;"));
    }

    [Fact]
    public async Task ADatabaseFromBeforeTheAnsweredCountHasItsRollupsRecountedByTheMigration()
    {
        var survey = await AddSentSurveyAsync();
        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 5, null));
        // The schema and rows as the version before left them: no answered count (nor the later comment term and follow-up
        // tables), the answer's channel as "channel".
        await ExecuteAsync($"""
            {BeforeTheSurveyIndexCut}
            ALTER TABLE score_rollups DROP COLUMN answered;
            ALTER TABLE responses DROP COLUMN reasons;
            DROP TABLE comment_terms;
            DROP TABLE comment_term_counts;
            DROP TABLE comment_term_version;
            DROP TABLE comment_term_totals;
            DROP TABLE followups;
            UPDATE score_rollups SET dimension = 'channel' WHERE dimension = '{ScoreRollup.ChannelDimension}';
            PRAGMA user_version = 7;
            """);
        // As after a restart: pooled connections would keep the old schema cached.
        SqliteConnection.ClearAllPools();

        await using (var restarted = new SqliteDatabase(Options.Create(new SqliteStorageOptions { Path = Adapter.DatabasePath })))
        {
            await new SqliteStorageLifecycle(restarted, NullLogger<SqliteStorageLifecycle>.Instance).InitializeAsync();
        }

        var day = DayOf(Time.GetUtcNow());
        Assert.Equal(1, (await RollupAsync(day))!.Answered);
        Assert.Equal(1, (await RollupAsync(day, ScoreRollup.ChannelDimension, Channels.Email))!.Answered);
        Assert.Null(await RollupAsync(day, "channel", Channels.Email));
    }

    [Theory]
    [InlineData("Full", 2)]
    [InlineData("normal", 1)]
    public async Task ConnectionsCommitAtTheConfiguredSynchronousLevel(string synchronous, long level)
    {
        await using var database = new SqliteDatabase(Options.Create(new SqliteStorageOptions
        {
            Path = Path.Combine(Adapter.Root.FullName, $"sync-{synchronous}.db"),
            Synchronous = synchronous,
        }));

        await using var connection = await database.OpenAsync();
        await using var pragma = new SqliteCommand("PRAGMA synchronous;", connection);

        Assert.Equal(level, (long)(await pragma.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task ADatabaseFromBeforeReasonsCountsItsAnswersUnderNoReasonAfterTheMigration()
    {
        var survey = await AddSentSurveyAsync();
        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 2, null));
        // As the version before reasons left it: no reasons column, no @reason rows.
        await ExecuteAsync($"""
            {BeforeTheSurveyIndexCut}
            ALTER TABLE responses DROP COLUMN reasons;
            DELETE FROM score_rollups WHERE dimension = '{ScoreRollup.ReasonDimension}';
            PRAGMA user_version = {SqliteSchema.RecountRollupsBelow - 1};
            """);
        SqliteConnection.ClearAllPools();

        await using (var restarted = new SqliteDatabase(Options.Create(new SqliteStorageOptions { Path = Adapter.DatabasePath })))
        {
            await new SqliteStorageLifecycle(restarted, NullLogger<SqliteStorageLifecycle>.Instance).InitializeAsync();
        }

        Assert.Empty((await Responses.GetAsync(SurveyResponse.IdForSurvey(survey.Id)))!.Reasons);
        Assert.Equal(1, (await RollupAsync(DayOf(Time.GetUtcNow()), ScoreRollup.ReasonDimension, ScoreGroups.NoneKey))!.Histogram[2]);
    }

    [Fact]
    public async Task ADatabaseFromBeforeTheSurveyIndexCutKeepsItsSurveysAndGetsThePartialIndexes()
    {
        var scheduled = SampleSurvey();
        var sent = SampleSentSurvey(Time.GetUtcNow(), Time.GetUtcNow().AddDays(2), Time.GetUtcNow().AddDays(14));
        await AddSurveysAsync(scheduled, sent);
        await ExecuteAsync($"""
            {BeforeTheSurveyIndexCut}
            PRAGMA user_version = {SqliteSchema.Migrations.Length - 1};
            """);
        SqliteConnection.ClearAllPools();

        await new SqliteStorageLifecycle(new SqliteDatabase(Options.Create(new SqliteStorageOptions { Path = Adapter.DatabasePath })),
            NullLogger<SqliteStorageLifecycle>.Instance).InitializeAsync();

        Assert.Equal("CREATE INDEX ix_surveys_lease ON surveys (lease_until) WHERE status = 'Sending'",
            await ScalarAsync("SELECT sql FROM sqlite_master WHERE name = 'ix_surveys_lease'"));
        Assert.Equal(8L, await ScalarAsync("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'surveys' AND name LIKE 'ix_surveys_%'"));
        AssertSameSurvey(Claimed(scheduled, "worker-a", scheduled.SendAt + Lease),
            Assert.Single(await Outbox.ClaimDueAsync(scheduled.SendAt, "worker-a", Lease, limit: 10)));
        Assert.Equal(sent.Id, Assert.Single(await Housekeeping.TakeDueRemindersAsync(sent.ReminderAt!.Value, limit: 10)).Id);
    }

    [Fact]
    public async Task PingFailsWhenTheSchemaIsMissing()
    {
        await using var database = new SqliteDatabase(Options.Create(new SqliteStorageOptions { Path = Path.Combine(Adapter.Root.FullName, "empty.db") }));
        var lifecycle = new SqliteStorageLifecycle(database, NullLogger<SqliteStorageLifecycle>.Instance);

        await Assert.ThrowsAsync<SqliteException>(() => lifecycle.PingAsync());
    }

    [Fact]
    public async Task DuplicateKeyKeepsTheSqliteErrorAsItsCause()
    {
        var key = SampleKey(ApiScope.Read);
        await ApiKeys.CreateAsync(key);

        var duplicate = await Assert.ThrowsAsync<DuplicateKeyException>(() => ApiKeys.CreateAsync(key with { Id = "key_other" }));

        Assert.Contains("api_keys.secret_hash", Assert.IsType<SqliteException>(duplicate.InnerException).Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("tpl_a")]
    public async Task AResponsePageIsReadFromAnIndexInListOrderWithoutSorting(string? templateId)
    {
        var query = new ResponseQuery { TemplateId = templateId, After = new ResponsePosition(Time.GetUtcNow(), "rsp_1") };

        var plan = await QueryPlans.ExplainAsync(Adapter.DatabasePath,
            $"SELECT id FROM responses WHERE {SqliteResponseRows.Filter} AND {SqliteResponseRows.After} ORDER BY {SqliteResponseRows.Order} LIMIT 51",
            [.. SqliteResponseRows.FilterParameters(query), .. SqliteResponseRows.AfterParameters(query.After)]);

        Assert.Contains("USING INDEX ix_responses_", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Adapter.DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Adapter.DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
