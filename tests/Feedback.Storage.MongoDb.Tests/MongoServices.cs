using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Storage.MongoDb.Tests;

/// <summary>A container with the adapter registered as the host would register it, from in-memory settings.</summary>
internal static class MongoServices
{
    public static ServiceProvider Build(string? connectionString, string? database = null, string? pairProperties = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"{MongoStorageOptions.SectionName}:ConnectionString"] = connectionString,
            [$"{MongoStorageOptions.SectionName}:Database"] = database,
            [Core.Scoring.RollupPairs.ConfigurationKey] = pairProperties,
        };
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings.Where(s => s.Value is not null)).Build());
        services.AddLogging();
        services.AddMongoStorage();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
