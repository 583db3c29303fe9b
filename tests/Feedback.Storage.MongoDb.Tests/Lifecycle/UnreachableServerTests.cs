using System.Diagnostics;
using Feedback.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Storage.MongoDb.Tests.Lifecycle;

/// <summary>Port 1 on the loopback refuses connections, so these run without any server, quickly.</summary>
public sealed class UnreachableServerTests
{
    private const string Unreachable = "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=500";

    [Fact]
    public async Task StartUpFailsWithAMessageNamingTheServerAndTheSetting()
    {
        await using var services = MongoServices.Build(Unreachable);
        var lifecycle = services.GetRequiredService<IStorageLifecycle>();
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => lifecycle.InitializeAsync());

        Assert.StartsWith("MongoDB is unreachable: no server at 127.0.0.1:1 answered within 0.5 s.", failure.Message);
        Assert.Contains("Feedback:Storage:MongoDb:ConnectionString", failure.Message);
        Assert.IsType<TimeoutException>(failure.InnerException);
        // Reported, not asserted: a loaded machine may be slow, but the log shows whether the timeout was honoured.
        TestContext.Current.TestOutputHelper?.WriteLine($"InitializeAsync failed after {clock.ElapsedMilliseconds} ms: {failure.Message}");
    }

    [Fact]
    public async Task PingFailsWhileTheServerIsUnreachableSoReadinessStaysFalse()
    {
        await using var services = MongoServices.Build(Unreachable);

        await Assert.ThrowsAsync<TimeoutException>(() => services.GetRequiredService<IStorageLifecycle>().PingAsync());
    }

    [Fact]
    public async Task CredentialsInTheConnectionStringStayOutOfTheMessage()
    {
        await using var services = MongoServices.Build("mongodb://feedback:s3cr3t@127.0.0.1:1/?serverSelectionTimeoutMS=200");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => services.GetRequiredService<IStorageLifecycle>().InitializeAsync());

        Assert.Contains("127.0.0.1:1", failure.Message);
        Assert.DoesNotContain("s3cr3t", failure.Message);
    }
}
