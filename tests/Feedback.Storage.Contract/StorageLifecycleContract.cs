using Feedback.Core.Auth;
using Feedback.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Storage.Contract;

// IStorageLifecycle: start-up may run any number of times, data outlives the process, and readiness is observable.
public abstract class StorageLifecycleContract<TAdapter> : StorageContract<TAdapter> where TAdapter : StorageUnderTest, new()
{
    [Fact]
    public async Task InitializeTwiceIsIdempotentAndKeepsData()
    {
        var template = SampleTemplate();
        await Templates.CreateAsync(template);

        await Lifecycle.InitializeAsync();
        await Lifecycle.InitializeAsync();

        AssertSameTemplate(template, await Templates.GetAsync(template.Id));
        var key = SampleKey(ApiScope.Admin);
        await ApiKeys.CreateAsync(key);
        AssertSameKey(key, await ApiKeys.FindBySecretHashAsync(key.SecretHash));
    }

    [Fact]
    public async Task DataSurvivesARestart()
    {
        var v1 = SampleTemplate();
        await Templates.CreateAsync(v1);
        var v2 = NextVersion(v1, name: "Before the restart");
        Assert.True(await Templates.ReplaceAsync(v2, expectedVersion: 1));
        var key = SampleKey(ApiScope.Ingest);
        await ApiKeys.CreateAsync(key);
        Assert.True(await ApiKeys.RevokeAsync(key.Id, Time.GetUtcNow()));

        await using var restarted = BuildServices();
        await restarted.GetRequiredService<IStorageLifecycle>().InitializeAsync();
        var templates = restarted.GetRequiredService<ITemplateStore>();
        var keys = restarted.GetRequiredService<IApiKeyStore>();

        AssertSameTemplate(v2, await templates.GetAsync(v1.Id));
        AssertSameTemplate(v1, await templates.GetVersionAsync(v1.Id, 1));
        AssertSameKey(key with { RevokedAt = Time.GetUtcNow() }, await keys.FindBySecretHashAsync(key.SecretHash));
        Assert.False(await templates.ReplaceAsync(NextVersion(v1), expectedVersion: 1));
    }

    [Fact]
    public async Task PingSucceedsOnAnInitializedStore()
    {
        var failure = await Record.ExceptionAsync(() => Lifecycle.PingAsync());

        Assert.Null(failure);
    }
}
