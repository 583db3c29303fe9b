using Feedback.Storage.Contract;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Storage.MongoDb.Tests.Live;

/// <summary>
/// The server in <c>FEEDBACK_TEST_MONGODB</c>, each test on a database of its own; the contract is skipped with that
/// reason when the variable is not set. The contract's clock starts on a whole second, so MongoDB's millisecond dates
/// keep every time it compares exactly.
/// </summary>
public sealed class MongoStorageUnderTest : StorageUnderTest
{
    private readonly string _database = LiveMongo.NewDatabaseName();

    public override string? SkipReason => LiveMongo.SkipReason;

    /// <summary>Each answer is three round trips; a smaller mix keeps a live run short.</summary>
    public override int DefaultRollupVolume => 1_000;

    public override void AddStorage(IServiceCollection services, IDictionary<string, string?> configuration)
    {
        configuration[$"{MongoStorageOptions.SectionName}:ConnectionString"] = LiveMongo.ConnectionString;
        configuration[$"{MongoStorageOptions.SectionName}:Database"] = _database;
        services.AddMongoStorage();
    }

    public override async ValueTask DisposeAsync()
    {
        if (LiveMongo.ConnectionString is not null)
        {
            await LiveMongo.DropAsync(_database);
        }
    }
}
