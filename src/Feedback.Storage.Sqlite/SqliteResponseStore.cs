using System.Runtime.CompilerServices;
using Feedback.Core.Common;
using Feedback.Core.FollowUps;
using Feedback.Core.Responses;
using Feedback.Core.Scoring;
using Feedback.Core.Storage;
using Feedback.Core.Themes;
using Microsoft.Data.Sqlite;
using static Feedback.Storage.Sqlite.SqliteResponseRows;
using static Feedback.Storage.Sqlite.SqliteStatuses;

namespace Feedback.Storage.Sqlite;

/// <summary>
/// Responses. An answer, its survey's status change, its rollup counts, its comment's term counts and its follow-up share
/// one write transaction (BEGIN IMMEDIATE). Erasure removes comments with their term counts and leaves the rollups as they are.
/// </summary>
public sealed class SqliteResponseStore(SqliteDatabase database) : IResponseStore
{
    private const string Select = $"SELECT {Columns} FROM responses";

    internal static readonly string MarkAnswered = $"UPDATE surveys SET status = {Answered}, answered_at = $at WHERE id = $id";

    // Group commit: concurrent answers share one commit (see SqliteGroupCommit).
    public Task<(SurveyResponse Stored, SurveyResponse? Previous, FollowUp? Opened)> AnswerSurveyAsync(
        SurveyResponse response, bool keepComment = false, FollowUpSource? followUp = null, CancellationToken ct = default)
    {
        if (response.SurveyId is not { } surveyId || response.Id != SurveyResponse.IdForSurvey(surveyId))
        {
            throw new ArgumentException($"An answer to a survey has the id rsp_{{surveyId}}, not '{response.Id}'.", nameof(response));
        }
        // The comment is analysed before the write lock is taken.
        var analysed = CommentTerms.Of(response);
        return database.WriteAsync((connection, token) => AnswerAsync(connection, response, surveyId, keepComment, analysed, followUp, token), ct);
    }

    private async Task<(SurveyResponse Stored, SurveyResponse? Previous, FollowUp? Opened)> AnswerAsync(
        SqliteConnection connection, SurveyResponse response, string surveyId, bool keepComment, CommentTerms? analysed,
        FollowUpSource? followUp, CancellationToken ct)
    {
        // Read and write in one transaction: what is kept (comment, first answeredAt) is what is stored now.
        var previous = await SingleAsync(connection, response.Id, ct);
        var stored = response.Replacing(previous, keepComment);
        var answered = await connection.ExecuteAsync(MarkAnswered, ct,
            ("$id", surveyId), ("$at", SqliteValues.Time(stored.AnsweredAt)));
        if (answered == 0)
        {
            // The group commit rolls this unit back to its savepoint; no response without its survey.
            throw new InvalidOperationException($"Survey '{surveyId}' does not exist.");
        }
        await connection.InsertAsync($"INSERT INTO responses ({Columns}) VALUES ({Values}) ON CONFLICT (id) DO UPDATE SET {ReplaceAll}",
            $"Response '{response.Id}' could not be stored.", ct, Parameters(stored));
        await SqliteRollupRows.AddAsync(connection, RollupKeys.OfAnswer(stored, previous, database.Pairs), ct);
        await SqliteCommentTermRows.MoveAsync(connection, stored.Id, CommentTerms.Of(stored, response, analysed), ct);
        var opened = await SqliteFollowUpRows.ApplyAsync(connection, FollowUpOpening.OfAnswer(stored, previous, followUp), ct);
        return (stored, previous, opened);
    }

    // Inside the (group-commit) write transaction, insert-or-read is one step, so a concurrent retry reads the winner.
    public Task<(SurveyResponse Stored, bool Created, FollowUp? Opened)> AddExternalAsync(
        SurveyResponse response, FollowUpSource? followUp = null, CancellationToken ct = default)
    {
        var terms = CommentTerms.Of(response);
        return database.WriteAsync((connection, token) => AddAsync(connection, response, terms, followUp, token), ct);
    }

    private async Task<(SurveyResponse Stored, bool Created, FollowUp? Opened)> AddAsync(
        SqliteConnection connection, SurveyResponse response, CommentTerms? terms, FollowUpSource? followUp, CancellationToken ct)
    {
        var inserted = await connection.InsertAsync(
            $"INSERT INTO responses ({Columns}) VALUES ({Values}) ON CONFLICT (id) DO NOTHING",
            $"Response '{response.Id}' could not be stored.", ct, Parameters(response));
        var stored = inserted == 1 ? response : await SingleAsync(connection, response.Id, ct)
            ?? throw new InvalidOperationException($"Response '{response.Id}' was neither inserted nor found.");
        if (inserted != 1)
        {
            return (stored, false, null);
        }
        await SqliteRollupRows.AddAsync(connection, RollupKeys.OfAnswer(response, pairs: database.Pairs), ct);
        await SqliteCommentTermRows.MoveAsync(connection, response.Id, terms, ct);
        return (stored, true, await SqliteFollowUpRows.ApplyAsync(connection, FollowUpOpening.OfAnswer(response, null, followUp), ct));
    }

    public async Task<SurveyResponse?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await SingleAsync(connection, id, ct);
    }

    public async Task<Page<SurveyResponse>> ListAsync(ResponseQuery query, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var items = await connection.QueryAsync($"{Select} WHERE {Filter} AND {After} ORDER BY {Order} LIMIT $limit",
            Read, ct, [.. FilterParameters(query), .. AfterParameters(query.After), ("$limit", query.Limit + 1)]);
        return items.Count > query.Limit
            ? new Page<SurveyResponse>(items[..query.Limit], PageCursor.Encode(ResponsePosition.Of(items[query.Limit - 1]).Key))
            : new Page<SurveyResponse>(items, null);
    }

    public async IAsyncEnumerable<SurveyResponse> StreamAsync(ResponseQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command($"{Select} WHERE {Filter} ORDER BY {Order}", FilterParameters(query));
        await using var reader = await command.ExecuteReaderAsync(ct);
        // One row at a time from the reader: an export of every response never sits in memory.
        while (await reader.ReadAsync(ct))
        {
            yield return Read(reader);
        }
    }

    // The comments and their term counts leave together.
    public Task<int> EraseCustomerAsync(string customerId, DateTimeOffset at, CancellationToken ct = default) =>
        database.WriteAsync(async (connection, ct) =>
    {
        await SqliteCommentTermRows.EraseAsync(connection, customerId, ct);
        return await connection.ExecuteAsync(
            "UPDATE responses SET comment = NULL, has_comment = 0, updated_at = $at WHERE customer_id = $customer AND comment IS NOT NULL", ct,
            ("$customer", customerId), ("$at", SqliteValues.Time(at)));
    }, ct);

    private static async Task<SurveyResponse?> SingleAsync(SqliteConnection connection, string id, CancellationToken ct) =>
        (await connection.QueryAsync($"{Select} WHERE id = $id", Read, ct, ("$id", id))).SingleOrDefault();
}
