using Feedback.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb.Tests.Lifecycle;

public sealed class OptionsTests
{
    [Fact]
    public async Task MissingConnectionStringIsRefusedNamingTheKey()
    {
        await using var services = MongoServices.Build(connectionString: null);

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MongoStorageOptions>>().Value);

        Assert.Contains("Feedback:Storage:MongoDb:ConnectionString is required when Feedback:Storage:Provider is mongodb", failure.Message);
    }

    [Fact]
    public async Task MalformedConnectionStringIsRefusedWithoutEchoingIt()
    {
        await using var services = MongoServices.Build("mongodb://feedback:s3cr3t@db.example:notaport/");

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MongoStorageOptions>>().Value);

        Assert.Contains("Feedback:Storage:MongoDb:ConnectionString is not a valid MongoDB connection string", failure.Message);
        Assert.DoesNotContain("s3cr3t", failure.Message);
    }

    [Theory]
    [InlineData("feed.back")]
    [InlineData("feed/back")]
    [InlineData("feed back")]
    public async Task DatabaseNameWithCharactersMongoRefusesIsRefused(string database)
    {
        await using var services = MongoServices.Build("mongodb://127.0.0.1:1", database);

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MongoStorageOptions>>().Value);

        Assert.Contains("Feedback:Storage:MongoDb:Database", failure.Message);
    }

    [Fact]
    public async Task DatabaseDefaultsToFeedback()
    {
        await using var services = MongoServices.Build("mongodb://127.0.0.1:1");

        Assert.Equal("feedback", services.GetRequiredService<IOptions<MongoStorageOptions>>().Value.Database);
    }

    [Fact]
    public async Task ServerSelectionWaitsFiveSecondsUnlessTheConnectionStringSaysOtherwise()
    {
        await using var defaults = MongoServices.Build("mongodb://127.0.0.1:1");
        await using var explicitly = MongoServices.Build("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=1500");

        Assert.Equal(TimeSpan.FromSeconds(5), defaults.GetRequiredService<IMongoClient>().Settings.ServerSelectionTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), explicitly.GetRequiredService<IMongoClient>().Settings.ServerSelectionTimeout);
    }

    [Fact]
    public async Task OneClientServesEveryStore()
    {
        await using var services = MongoServices.Build("mongodb://127.0.0.1:1");

        Assert.Same(services.GetRequiredService<IMongoClient>(), services.GetRequiredService<IMongoClient>());
        Assert.Same(services.GetRequiredService<MongoCollections>().Database.Client, services.GetRequiredService<IMongoClient>());
    }

    [Fact]
    public async Task EveryPortIsServedByTheMongoAdapter()
    {
        await using var services = MongoServices.Build("mongodb://127.0.0.1:1");

        Assert.IsType<MongoStorageLifecycle>(services.GetRequiredService<IStorageLifecycle>());
        Assert.IsType<MongoTemplateStore>(services.GetRequiredService<ITemplateStore>());
        Assert.IsType<MongoApiKeyStore>(services.GetRequiredService<IApiKeyStore>());
        Assert.IsType<MongoSurveyStore>(services.GetRequiredService<ISurveyStore>());
        Assert.IsType<MongoSurveyOutbox>(services.GetRequiredService<ISurveyOutbox>());
        Assert.IsType<MongoSurveyHousekeepingStore>(services.GetRequiredService<ISurveyHousekeepingStore>());
        Assert.IsType<MongoEventStore>(services.GetRequiredService<IEventStore>());
        Assert.IsType<MongoSuppressionStore>(services.GetRequiredService<ISuppressionStore>());
        Assert.IsType<MongoResponseStore>(services.GetRequiredService<IResponseStore>());
        Assert.IsType<MongoFollowUpStore>(services.GetRequiredService<IFollowUpStore>());
        Assert.IsType<MongoWebhookStore>(services.GetRequiredService<IWebhookStore>());
        Assert.IsType<MongoWebhookOutbox>(services.GetRequiredService<IWebhookOutbox>());
    }

    [Fact]
    public async Task TheRollupPairsComeFromTheirSettingSoEveryWriteAndRebuildCountsThem()
    {
        await using var services = MongoServices.Build("mongodb://127.0.0.1:1", pairProperties: "category,agent");
        await using var none = MongoServices.Build("mongodb://127.0.0.1:1");

        Assert.Equal(["category", "agent"], services.GetRequiredService<MongoCollections>().Pairs.Properties);
        Assert.Empty(none.GetRequiredService<MongoCollections>().Pairs.Properties);
    }
}
