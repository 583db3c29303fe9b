using System.Globalization;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb.Tests.Live;

/// <summary>
/// The server named by <c>FEEDBACK_TEST_MONGODB</c>, when there is one. Every test store is a database of its own,
/// named after this run so leftovers of a killed run can be found (<c>fbtest_&lt;run&gt;_&lt;n&gt;</c>), and dropped after the test.
/// </summary>
internal static class LiveMongo
{
    public const string Variable = "FEEDBACK_TEST_MONGODB";

    public static readonly string? ConnectionString = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static string? SkipReason => ConnectionString is null
        ? $"{Variable} is not set; set it to a MongoDB connection string (e.g. mongodb://localhost:27017/?replicaSet=rs0) to run this against a live server."
        : null;

    private static readonly string Run = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6];
    private static int _databases;

    // Only for dropping test databases; the stores use the client their container builds.
    private static readonly Lazy<MongoClient> Admin = new(() => new MongoClient(ConnectionString));

    public static string NewDatabaseName() => $"fbtest_{Run}_{Interlocked.Increment(ref _databases)}";

    public static Task DropAsync(string database) => Admin.Value.DropDatabaseAsync(database);
}
