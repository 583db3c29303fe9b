using System.Globalization;
using Feedback.Core.Storage;
using Feedback.Storage.MongoDb.Queries;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb;

/// <summary>
/// Start-up checks the server answers (failing fast with a message naming the servers and the setting to fix), then
/// creates every index; collections are created by their first index. Index creation is idempotent, so every
/// replica runs it on every start.
/// </summary>
internal sealed class MongoStorageLifecycle(MongoCollections db, IOptions<MongoStorageOptions> options, ILogger<MongoStorageLifecycle> logger) : IStorageLifecycle
{
    public static readonly BsonDocument PingCommand = new("ping", 1);

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await ReachAsync(ct);
        await db.Templates.Indexes.CreateManyAsync(MongoTemplateQueries.Indexes, ct);
        await db.TemplateVersions.Indexes.CreateManyAsync(MongoTemplateQueries.VersionIndexes, ct);
        await db.ApiKeys.Indexes.CreateManyAsync(MongoApiKeyQueries.Indexes, ct);
        await db.Surveys.Indexes.CreateManyAsync(MongoSurveyQueries.Indexes, ct);
        await DropRetiredAsync(db.Surveys, MongoSurveyQueries.RetiredIndexes, ct);
        await db.Events.Indexes.CreateManyAsync(MongoEventQueries.Indexes, ct);
        await db.Responses.Indexes.CreateManyAsync(MongoResponseQueries.Indexes, ct);
        await db.Rollups.Indexes.CreateManyAsync(MongoRollupQueries.Indexes, ct);
        await db.TermCounts().Indexes.CreateManyAsync(MongoCommentTermQueries.CountIndexes, ct);
        await db.CommentTerms().Indexes.CreateManyAsync(MongoCommentTermQueries.CommentIndexes, ct);
        await db.FollowUps.Indexes.CreateManyAsync(MongoFollowUpQueries.Indexes, ct);
        await db.WebhookSubscriptions.Indexes.CreateManyAsync(MongoWebhookQueries.SubscriptionIndexes, ct);
        await db.WebhookDeliveries.Indexes.CreateManyAsync(MongoWebhookQueries.DeliveryIndexes, ct);
        // suppressions needs no index beyond _id; creating it up front makes the whole schema visible after start.
        await CreateCollectionAsync(MongoCollections.SuppressionsName, ct);
        logger.LogInformation("MongoDB store ready: database {Database} on {Servers}, indexes in place", db.Database.DatabaseNamespace.DatabaseName, Servers());
    }

    public Task PingAsync(CancellationToken ct = default) => db.Database.RunCommandAsync<BsonDocument>(PingCommand, cancellationToken: ct);

    // Every write already waits for the configured write concern, and a bulk load is no reason to weaken it.
    public IDisposable BeginBulkLoad() => NoBulkLoad.Instance;

    private async Task ReachAsync(CancellationToken ct)
    {
        try
        {
            await PingAsync(ct);
        }
        catch (MongoAuthenticationException e)
        {
            throw new InvalidOperationException(
                $"MongoDB at {Servers()} refused the credentials of {MongoStorageOptions.SectionName}:ConnectionString ({FirstLine(e.Message)})", e);
        }
        catch (Exception e) when (e is TimeoutException or MongoConnectionException)
        {
            throw new InvalidOperationException(
                $"MongoDB is unreachable: no server at {Servers()} answered within {Seconds(db.Database.Client.Settings.ServerSelectionTimeout)} s. " +
                $"Check {MongoStorageOptions.SectionName}:ConnectionString and that the server is running. The driver's view of the cluster is in the inner exception.", e);
        }
    }

    // Replaced indexes would still be written on every insert and update. Dropping is safe during a rolling update: the
    // queries of an older replica name the status their replacement is partial on, so it serves them too.
    private static async Task DropRetiredAsync<T>(IMongoCollection<T> collection, IEnumerable<string> names, CancellationToken ct)
    {
        foreach (var name in names)
        {
            try
            {
                await collection.Indexes.DropOneAsync(name, ct);
            }
            catch (MongoCommandException e) when (e.CodeName == "IndexNotFound")
            {
                // Dropped by an earlier start or another replica, or never created.
            }
        }
    }

    private async Task CreateCollectionAsync(string name, CancellationToken ct)
    {
        try
        {
            await db.Database.CreateCollectionAsync(name, cancellationToken: ct);
        }
        catch (MongoCommandException e) when (e.CodeName == "NamespaceExists")
        {
            // Created by an earlier start or by another replica starting at the same moment.
        }
    }

    // Hosts only: the connection string itself may carry a password.
    private string Servers() => string.Join(",", MongoUrl.Create(options.Value.ConnectionString).Servers.Select(s => s.ToString()));

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private sealed class NoBulkLoad : IDisposable
    {
        public static readonly NoBulkLoad Instance = new();

        public void Dispose()
        {
        }
    }
}
