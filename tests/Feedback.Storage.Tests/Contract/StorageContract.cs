using Feedback.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Feedback.Storage.Tests.Contract;

/// <summary>
/// What every storage adapter must do, written once against the ports. An adapter's test class derives
/// from this, registers its adapter in <see cref="AddStorage"/>, and reports in <see cref="SkipReasonAsync"/>
/// when its server is not available, so its tests show as skipped rather than passed.
/// Each test gets a fresh instance, so a fresh, initialized and empty store.
/// </summary>
public abstract partial class StorageContract : IAsyncLifetime
{
    private ServiceProvider? _services;

    /// <summary>The clock the adapter sees; starts on a whole second so every store keeps times exactly.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    protected IServiceProvider Services => _services ?? throw new InvalidOperationException("The store is not initialized.");

    protected ITemplateStore Templates => Services.GetRequiredService<ITemplateStore>();

    protected IApiKeyStore ApiKeys => Services.GetRequiredService<IApiKeyStore>();

    protected IStorageLifecycle Lifecycle => Services.GetRequiredService<IStorageLifecycle>();

    protected ISurveyStore Surveys => Services.GetRequiredService<ISurveyStore>();

    protected ISurveyOutbox Outbox => Services.GetRequiredService<ISurveyOutbox>();

    protected ISurveyHousekeepingStore Housekeeping => Services.GetRequiredService<ISurveyHousekeepingStore>();

    protected IEventStore Events => Services.GetRequiredService<IEventStore>();

    protected ISuppressionStore Suppressions => Services.GetRequiredService<ISuppressionStore>();

    protected IResponseStore Responses => Services.GetRequiredService<IResponseStore>();

    protected IWebhookStore Webhooks => Services.GetRequiredService<IWebhookStore>();

    protected IWebhookOutbox WebhookOutbox => Services.GetRequiredService<IWebhookOutbox>();

    /// <summary>
    /// Registers the adapter and puts its settings into <paramref name="configuration"/>: a store of this
    /// instance's own (classes run in parallel), the same one on every call of <see cref="BuildServices"/> (a restart).
    /// </summary>
    protected abstract void AddStorage(IServiceCollection services, IDictionary<string, string?> configuration);

    /// <summary>Why this adapter's tests cannot run here (e.g. no server configured); null to run them.</summary>
    protected virtual ValueTask<string?> SkipReasonAsync() => ValueTask.FromResult<string?>(null);

    public virtual async ValueTask InitializeAsync()
    {
        // xunit v3 reports a skip thrown here as a skipped test, so no test has to ask for itself.
        if (await SkipReasonAsync() is { } reason)
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
    }

    /// <summary>A new container over the same store, as a restarted process would build it.</summary>
    protected ServiceProvider BuildServices()
    {
        var settings = new Dictionary<string, string?>();
        var services = new ServiceCollection();
        AddStorage(services, settings);
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
