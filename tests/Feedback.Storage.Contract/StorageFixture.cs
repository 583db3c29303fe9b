using Feedback.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Feedback.Storage.Contract;

/// <summary>
/// One fresh, initialized and empty store per test, on the adapter <typeparamref name="TAdapter"/>, and every port over
/// it. When the adapter reports a skip reason, its tests show as skipped rather than passed.
/// </summary>
public abstract class StorageFixture<TAdapter> : IAsyncLifetime where TAdapter : StorageUnderTest, new()
{
    private ServiceProvider? _services;

    protected TAdapter Adapter { get; } = new();

    /// <summary>The clock the adapter sees; starts on a whole second so every store keeps times exactly.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    protected IServiceProvider Services => _services ?? throw new InvalidOperationException("The store is not initialized.");

    protected IStorageLifecycle Lifecycle => Services.GetRequiredService<IStorageLifecycle>();

    protected ITemplateStore Templates => Services.GetRequiredService<ITemplateStore>();

    protected IApiKeyStore ApiKeys => Services.GetRequiredService<IApiKeyStore>();

    protected IEventStore Events => Services.GetRequiredService<IEventStore>();

    protected ISuppressionStore Suppressions => Services.GetRequiredService<ISuppressionStore>();

    protected ISurveyStore Surveys => Services.GetRequiredService<ISurveyStore>();

    protected ISurveyOutbox Outbox => Services.GetRequiredService<ISurveyOutbox>();

    protected ISurveyHousekeepingStore Housekeeping => Services.GetRequiredService<ISurveyHousekeepingStore>();

    protected IResponseStore Responses => Services.GetRequiredService<IResponseStore>();

    protected IScoreRollupStore Rollups => Services.GetRequiredService<IScoreRollupStore>();

    protected ICommentTermStore Terms => Services.GetRequiredService<ICommentTermStore>();

    protected IFollowUpStore FollowUps => Services.GetRequiredService<IFollowUpStore>();

    protected IWebhookStore Webhooks => Services.GetRequiredService<IWebhookStore>();

    protected IWebhookOutbox WebhookOutbox => Services.GetRequiredService<IWebhookOutbox>();

    public virtual async ValueTask InitializeAsync()
    {
        // xunit v3 reports a skip thrown here as a skipped test, so no test has to ask for itself.
        if (Adapter.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }
        try
        {
            _services = BuildServices();
            await Lifecycle.InitializeAsync();
        }
        catch
        {
            // xunit does not dispose a test class whose InitializeAsync threw; clean up so no store is left behind.
            await DisposeAsync();
            throw;
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_services is { } services)
        {
            _services = null;
            await services.DisposeAsync();
        }
        await Adapter.DisposeAsync();
    }

    /// <summary>Settings a contract adds to the adapter's (e.g. the rollup pairs), applied to every container it builds.</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    /// <summary>A new container over the same store, as a restarted process would build it.</summary>
    protected ServiceProvider BuildServices()
    {
        var settings = new Dictionary<string, string?>();
        var services = new ServiceCollection();
        Adapter.AddStorage(services, settings);
        Configure(settings);
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
