using Feedback.Core.Common;
using Feedback.Core.Storage;
using Feedback.Core.Templates;
using Feedback.Storage.MongoDb.Documents;
using MongoDB.Driver;
using static Feedback.Storage.MongoDb.Queries.MongoTemplateQueries;

namespace Feedback.Storage.MongoDb;

/// <summary>
/// Templates without transactions: the <c>templates</c> document is the truth for the current version and is
/// replaced by compare-and-set on its version; <c>templateVersions</c> keeps every version. A crash between the two
/// writes can leave the newest version only in <c>templates</c>, so reads merge it in and the next replace writes
/// the version it replaced (returned by the same atomic call) before its own.
/// </summary>
internal sealed class MongoTemplateStore(MongoCollections db) : ITemplateStore
{
    public async Task CreateAsync(SurveyTemplate template, CancellationToken ct = default)
    {
        var document = TemplateDocument.From(template);
        try
        {
            await db.Templates.InsertOneAsync(document, cancellationToken: ct);
        }
        catch (MongoWriteException e) when (e.IsDuplicateKey())
        {
            throw MongoErrors.Duplicate($"Template '{template.Id}' exists.", e);
        }
        await KeepVersionAsync(document, ct);
    }

    public async Task<SurveyTemplate?> GetAsync(string id, CancellationToken ct = default) =>
        (await db.Templates.Find(ById(id)).SingleOrDefaultAsync(ct))?.ToTemplate();

    public async Task<SurveyTemplate?> GetVersionAsync(string id, int version, CancellationToken ct = default)
    {
        if (await db.TemplateVersions.Find(Version(id, version)).SingleOrDefaultAsync(ct) is { } kept)
        {
            return kept.Template.ToTemplate();
        }
        var current = await db.Templates.Find(AtVersion(id, version)).SingleOrDefaultAsync(ct);
        return current?.ToTemplate();
    }

    public async Task<IReadOnlyList<SurveyTemplate>> ListVersionsAsync(string id, CancellationToken ct = default)
    {
        var kept = await db.TemplateVersions.Find(VersionsOf(id)).Sort(OldestVersionFirst()).ToListAsync(ct);
        var versions = kept.Select(v => v.Template).ToList();
        if (await db.Templates.Find(ById(id)).SingleOrDefaultAsync(ct) is { } current && versions.All(v => v.Version != current.Version))
        {
            versions.Add(current);
        }
        return versions.OrderBy(v => v.Version).Select(v => v.ToTemplate()).ToList();
    }

    public Task<Page<SurveyTemplate>> ListAsync(TemplateQuery query, CancellationToken ct = default) =>
        Queries.MongoPaging.ReadPageAsync(db.Templates, List(query), ById(), query.Limit, d => d.ToTemplate(), t => t.Id, ct);

    public async Task<bool> ReplaceAsync(SurveyTemplate template, int expectedVersion, CancellationToken ct = default)
    {
        if (template.Version != expectedVersion + 1)
        {
            throw new ArgumentException("The new version must follow the expected one.", nameof(template));
        }
        var document = TemplateDocument.From(template);
        var replaced = await db.Templates.FindOneAndReplaceAsync(AtVersion(template.Id, expectedVersion), document,
            new FindOneAndReplaceOptions<TemplateDocument> { ReturnDocument = ReturnDocument.Before }, ct);
        if (replaced is null)
        {
            return false;
        }
        await KeepVersionAsync(replaced, ct);
        await KeepVersionAsync(document, ct);
        return true;
    }

    public async Task<IReadOnlyList<SurveyTemplate>> ListActiveByTriggerAsync(string eventType, CancellationToken ct = default) =>
        (await db.Templates.Find(ActiveByTrigger(eventType)).Sort(ById()).ToListAsync(ct)).Select(d => d.ToTemplate()).ToList();

    public async Task<IReadOnlyList<SurveyTemplate>> ListActiveCancelledByAsync(string eventType, CancellationToken ct = default) =>
        (await db.Templates.Find(ActiveCancelledBy(eventType)).Sort(ById()).ToListAsync(ct)).Select(d => d.ToTemplate()).ToList();

    /// <summary>Versions never change once written, so finding one already kept means the work is done.</summary>
    private async Task KeepVersionAsync(TemplateDocument document, CancellationToken ct)
    {
        try
        {
            await db.TemplateVersions.InsertOneAsync(TemplateVersionDocument.From(document), cancellationToken: ct);
        }
        catch (MongoWriteException e) when (e.IsDuplicateKey())
        {
        }
    }
}
