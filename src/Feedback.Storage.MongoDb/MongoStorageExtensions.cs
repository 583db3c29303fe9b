using Feedback.Core.Scoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Feedback.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb;

public static class MongoStorageExtensions
{
    /// <summary>
    /// Registers the MongoDB adapter of every storage port and <see cref="IStorageLifecycle"/>, over one
    /// <see cref="IMongoClient"/> (options from <see cref="MongoStorageOptions.SectionName"/>, validated on start).
    /// </summary>
    public static IServiceCollection AddMongoStorage(this IServiceCollection services)
    {
        MongoConventions.Register();
        services.AddOptions<MongoStorageOptions>()
            .BindConfiguration(MongoStorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // The client owns the connection pools and server monitoring: one per process.
        services.AddSingleton<IMongoClient>(sp => new MongoClient(sp.GetRequiredService<IOptions<MongoStorageOptions>>().Value.ToClientSettings()));
        services.TryAddSingleton(sp => RollupPairs.Parse(sp.GetService<IConfiguration>()?[RollupPairs.ConfigurationKey]));
        services.AddSingleton<MongoCollections>();
        services.AddSingleton<IStorageLifecycle, MongoStorageLifecycle>();
        services.AddSingleton<ITemplateStore, MongoTemplateStore>();
        services.AddSingleton<IApiKeyStore, MongoApiKeyStore>();
        services.AddSingleton<ISurveyStore, MongoSurveyStore>();
        services.AddSingleton<ISurveyOutbox, MongoSurveyOutbox>();
        services.AddSingleton<ISurveyHousekeepingStore, MongoSurveyHousekeepingStore>();
        services.AddSingleton<IEventStore, MongoEventStore>();
        services.AddSingleton<ISuppressionStore, MongoSuppressionStore>();
        services.AddSingleton<IResponseStore, MongoResponseStore>();
        services.AddSingleton<IScoreRollupStore, MongoScoreRollupStore>();
        services.AddSingleton<ICommentTermStore, MongoCommentTermStore>();
        services.AddSingleton<IFollowUpStore, MongoFollowUpStore>();
        services.AddSingleton<IWebhookStore, MongoWebhookStore>();
        services.AddSingleton<IWebhookOutbox, MongoWebhookOutbox>();
        return services;
    }
}
