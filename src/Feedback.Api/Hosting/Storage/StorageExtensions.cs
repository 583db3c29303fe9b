using Feedback.Storage.MongoDb;
using Feedback.Storage.Sqlite;

namespace Feedback.Api.Hosting.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// Registers the configured adapter and the start-up steps that create or migrate its schema and rebuild comment term
    /// counts made by another analysis version.
    /// </summary>
    public static IServiceCollection AddFeedbackStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var provider = configuration[$"{StorageOptions.SectionName}:Provider"] ?? "sqlite";
        switch (provider)
        {
            case "mongodb":
                services.AddMongoStorage();
                break;
            default:
                services.AddSqliteStorage();
                break;
        }
        services.AddSingleton<StorageHealth>();
        services.AddHostedService<StorageStartup>();
        services.AddHostedService<ThemeCountsStartup>();
        return services;
    }
}
