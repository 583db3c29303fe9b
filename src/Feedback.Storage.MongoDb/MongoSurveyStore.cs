using Feedback.Core.Common;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Storage.MongoDb.Documents;
using Feedback.Storage.MongoDb.Queries;
using MongoDB.Driver;
using static Feedback.Storage.MongoDb.Queries.MongoOutboxQueries;
using static Feedback.Storage.MongoDb.Queries.MongoSurveyQueries;

namespace Feedback.Storage.MongoDb;

/// <summary>Surveys as records: single-document atomic updates whose filters state the expected status, so no transaction is needed.</summary>
internal sealed class MongoSurveyStore(MongoCollections db) : ISurveyStore
{
    public async Task<bool> TryAddAsync(Survey survey, CancellationToken ct = default)
    {
        try
        {
            await db.Surveys.InsertOneAsync(SurveyDocument.From(survey), cancellationToken: ct);
            return true;
        }
        catch (MongoWriteException e) when (e.IsDuplicateKey())
        {
            // The server names the violated index only in its message text; asking for the id and token is the stable test.
            if (await db.Surveys.Find(ByIdOrToken(survey.Id, survey.Token)).AnyAsync(ct))
            {
                throw MongoErrors.Duplicate($"A survey with id '{survey.Id}' or its token exists.", e);
            }
            return false;
        }
    }

    public Task<Survey?> GetAsync(string id, CancellationToken ct = default) => SingleAsync(ById(id), ct);

    public Task<Survey?> GetByTokenAsync(string token, CancellationToken ct = default) => SingleAsync(ByToken(token), ct);

    public Task<Page<Survey>> ListAsync(SurveyQuery query, CancellationToken ct = default) =>
        MongoPaging.ReadPageAsync(db.Surveys, List(query), ById(), query.Limit, d => d.ToSurvey(), s => s.Id, ct);

    public Task<bool> SurveyedSinceAsync(string customerId, string templateId, DateTimeOffset since, CancellationToken ct = default) =>
        db.Surveys.Find(SurveyedSince(customerId, templateId, since)).Limit(1).AnyAsync(ct);

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> LastQuietPeriodSendsAsync(string templateId, IReadOnlyCollection<string> customerIds, CancellationToken ct = default) =>
        (await db.Surveys.Find(InQuietPeriodOf(templateId, customerIds)).Project(s => new { s.CustomerId, s.SendAt }).ToListAsync(ct))
            .GroupBy(s => s.CustomerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(s => s.SendAt), StringComparer.Ordinal);

    public async Task<bool> CancelAsync(string id, DateTimeOffset at, CancellationToken ct = default) =>
        (await db.Surveys.UpdateOneAsync(Scheduled(id), Cancel(at), cancellationToken: ct)).ModifiedCount == 1;

    /// <summary>One atomic find-and-update per survey, so the ids returned are exactly those this call cancelled (a subject has few).</summary>
    public async Task<IReadOnlyList<string>> CancelPendingBySubjectAsync(string subjectId, IReadOnlyCollection<string>? templateIds, DateTimeOffset at, CancellationToken ct = default)
    {
        var cancelled = new List<string>();
        while (await db.Surveys.FindOneAndUpdateAsync(ScheduledOfSubject(subjectId, templateIds), Cancel(at), cancellationToken: ct) is { } survey)
        {
            cancelled.Add(survey.Id);
        }
        return cancelled;
    }

    public async Task<int> CancelPendingByTemplateAsync(string templateId, DateTimeOffset at, CancellationToken ct = default) =>
        (int)(await db.Surveys.UpdateManyAsync(ScheduledOfTemplate(templateId), Cancel(at), cancellationToken: ct)).ModifiedCount;

    public async Task StampAsync(string id, DateTimeOffset? deliveredAt, DateTimeOffset? openedAt, CancellationToken ct = default)
    {
        if (Stamp(deliveredAt, openedAt) is { } stamp)
        {
            await db.Surveys.UpdateOneAsync(ById(id), stamp, cancellationToken: ct);
        }
    }

    private async Task<Survey?> SingleAsync(FilterDefinition<SurveyDocument> filter, CancellationToken ct) =>
        (await db.Surveys.Find(filter).SingleOrDefaultAsync(ct))?.ToSurvey();
}
