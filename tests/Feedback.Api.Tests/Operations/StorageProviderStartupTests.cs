using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests.Operations;

public sealed class StorageProviderStartupTests
{
    [Fact]
    public async Task UnreachableMongoDbStopsStartUpWithAMessageNamingTheSetting()
    {
        await using var factory = new FeedbackApiFactory();
        factory.Settings["Feedback:Storage:Provider"] = "mongodb";
        factory.Settings["Feedback:Storage:MongoDb:ConnectionString"] = "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300";

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("Feedback:Storage:MongoDb:ConnectionString", error.ToString());
        Assert.Contains("127.0.0.1:1", error.ToString());
    }
}
