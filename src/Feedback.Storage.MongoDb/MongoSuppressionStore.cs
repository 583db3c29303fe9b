using Feedback.Core.Common;
using Feedback.Core.Storage;
using Feedback.Storage.MongoDb.Documents;
using Feedback.Storage.MongoDb.Queries;
using MongoDB.Driver;
using static Feedback.Storage.MongoDb.Queries.MongoSuppressionQueries;

namespace Feedback.Storage.MongoDb;

internal sealed class MongoSuppressionStore(MongoCollections db) : ISuppressionStore
{
    /// <summary>An insert keyed by e-mail: the unique <c>_id</c> keeps the first reason, even when two writers race.</summary>
    public async Task<bool> AddAsync(Suppression suppression, CancellationToken ct = default)
    {
        try
        {
            await db.Suppressions.InsertOneAsync(SuppressionDocument.From(suppression), cancellationToken: ct);
            return true;
        }
        catch (MongoWriteException e) when (e.IsDuplicateKey())
        {
            return false;
        }
    }

    public async Task<bool> RemoveAsync(string email, CancellationToken ct = default) =>
        (await db.Suppressions.DeleteOneAsync(ByEmail(email), ct)).DeletedCount == 1;

    public async Task<IReadOnlySet<string>> SuppressedAmongAsync(IReadOnlyCollection<string> emails, CancellationToken ct = default) =>
        (await db.Suppressions.Find(ByEmails(emails)).Project(s => s.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    public async Task<Suppression?> GetAsync(string email, CancellationToken ct = default) =>
        (await db.Suppressions.Find(ByEmail(email)).SingleOrDefaultAsync(ct))?.ToSuppression();

    public Task<Page<Suppression>> ListAsync(string? after, int limit, CancellationToken ct = default) =>
        MongoPaging.ReadPageAsync(db.Suppressions, After(after), ByEmail(), limit, d => d.ToSuppression(), s => s.Email, ct);
}
