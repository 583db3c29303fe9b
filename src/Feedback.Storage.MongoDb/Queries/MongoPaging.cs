using System.Linq.Expressions;
using Feedback.Core.Common;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb.Queries;

/// <summary>Cursor paging on an indexed string key (ids are time-ordered): <c>key &gt; after</c>, sorted by it, one extra to see if more follow.</summary>
internal static class MongoPaging
{
    public static FilterDefinition<T> After<T>(Expression<Func<T, string>> key, string? after) =>
        after is null ? Builders<T>.Filter.Empty : Builders<T>.Filter.Gt(key, after);

    public static SortDefinition<T> By<T>(Expression<Func<T, object>> key) => Builders<T>.Sort.Ascending(key);

    /// <summary>Reads <paramref name="limit"/> + 1 documents so the last page is known without a count.</summary>
    public static async Task<Page<TItem>> ReadPageAsync<TDocument, TItem>(
        IMongoCollection<TDocument> collection, FilterDefinition<TDocument> filter, SortDefinition<TDocument> sort, int limit,
        Func<TDocument, TItem> map, Func<TItem, string> key, CancellationToken ct)
    {
        var documents = await collection.Find(filter).Sort(sort).Limit(limit + 1).ToListAsync(ct);
        var items = documents.Select(map).ToList();
        return items.Count > limit
            ? new Page<TItem>(items[..limit], PageCursor.Encode(key(items[limit - 1])))
            : new Page<TItem>(items, null);
    }
}
