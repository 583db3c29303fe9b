using Feedback.Core.Scoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Feedback.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Storage.Sqlite;

public static class SqliteStorageExtensions
{
    /// <summary>Registers the SQLite adapter of every storage port (options from <see cref="SqliteStorageOptions.SectionName"/>).</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services)
    {
        services.AddOptions<SqliteStorageOptions>()
            .BindConfiguration(SqliteStorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(sp => RollupPairs.Parse(sp.GetService<IConfiguration>()?[RollupPairs.ConfigurationKey]));
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<IStorageLifecycle, SqliteStorageLifecycle>();
        services.AddSingleton<IStorageBackup, SqliteStorageBackup>();
        services.AddSingleton<ITemplateStore, SqliteTemplateStore>();
        services.AddSingleton<IApiKeyStore, SqliteApiKeyStore>();
        services.AddSingleton<ISurveyStore, SqliteSurveyStore>();
        services.AddSingleton<ISurveyOutbox, SqliteSurveyOutbox>();
        services.AddSingleton<ISurveyHousekeepingStore, SqliteSurveyHousekeepingStore>();
        services.AddSingleton<IEventStore, SqliteEventStore>();
        services.AddSingleton<ISuppressionStore, SqliteSuppressionStore>();
        services.AddSingleton<IResponseStore, SqliteResponseStore>();
        services.AddSingleton<IScoreRollupStore, SqliteScoreRollupStore>();
        services.AddSingleton<ICommentTermStore, SqliteCommentTermStore>();
        services.AddSingleton<IFollowUpStore, SqliteFollowUpStore>();
        services.AddSingleton<IWebhookStore, SqliteWebhookStore>();
        services.AddSingleton<IWebhookOutbox, SqliteWebhookOutbox>();
        return services;
    }
}
