using Feedback.Storage.MongoDb.Documents;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb.Queries;

/// <summary>The filters and sort of <c>suppressions</c>; the e-mail is the <c>_id</c>, so no further index is needed.</summary>
internal static class MongoSuppressionQueries
{
    public static FilterDefinition<SuppressionDocument> ByEmail(string email) => Builders<SuppressionDocument>.Filter.Eq(s => s.Id, email);

    public static FilterDefinition<SuppressionDocument> ByEmails(IEnumerable<string> emails) => Builders<SuppressionDocument>.Filter.In(s => s.Id, emails);

    public static FilterDefinition<SuppressionDocument> After(string? email) => MongoPaging.After<SuppressionDocument>(s => s.Id, email);

    public static SortDefinition<SuppressionDocument> ByEmail() => MongoPaging.By<SuppressionDocument>(s => s.Id);
}
