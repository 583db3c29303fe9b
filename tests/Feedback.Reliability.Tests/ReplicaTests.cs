using Feedback.Testing;

namespace Feedback.Reliability.Tests;

/// <summary>Two service processes dispatching from one store at once: every survey is sent exactly once.</summary>
public sealed class ReplicaTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("feedback-replicas-");
    private FakeSendGridServer _sendGrid = null!;

    public async ValueTask InitializeAsync() => _sendGrid = await FakeSendGridServer.StartAsync();

    [Fact]
    public Task TwoReplicasOnOneSqliteFileSendEverySurveyOnce() =>
        DispatchWithTwoReplicasAsync(new Dictionary<string, string>
        {
            ["Feedback:Storage:Provider"] = "sqlite",
            ["Feedback:Storage:Sqlite:Path"] = Path.Combine(_data.FullName, "feedback.db"),
        });

    [Fact]
    public Task TwoReplicasOnOneMongoDatabaseSendEverySurveyOnce()
    {
        var connection = Environment.GetEnvironmentVariable("FEEDBACK_TEST_MONGODB");
        Assert.SkipWhen(string.IsNullOrEmpty(connection), "FEEDBACK_TEST_MONGODB is not set (no MongoDB server on this machine)");
        return DispatchWithTwoReplicasAsync(new Dictionary<string, string>
        {
            ["Feedback:Storage:Provider"] = "mongodb",
            ["Feedback:Storage:MongoDb:ConnectionString"] = connection!,
            ["Feedback:Storage:MongoDb:Database"] = $"feedback_replicas_{Guid.NewGuid():N}",
        });
    }

    private async Task DispatchWithTwoReplicasAsync(Dictionary<string, string> store)
    {
        // The issue's figure by default: seeding through /v1/events/batch ingests 10 000 in ≈ 35 s.
        const int surveyCount = 10_000;
        await using var first = await StartAsync(store, "SG.replica-a");
        await using var second = await StartAsync(store, "SG.replica-b");
        await first.Client.CreateTemplateAsync();

        // Half the events through each replica, both posting while both dispatch.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var posted = await Task.WhenAll(
            first.Client.PostEventsAsync(surveyCount / 2, "a"),
            second.Client.PostEventsAsync(surveyCount - surveyCount / 2, "b"));
        var postedAfter = clock.Elapsed;
        await first.Client.WaitUntilOutboxEmptyAsync(Soak.Patience);
        output.WriteLine($"events posted in {postedAfter.TotalSeconds:0.0} s, outbox empty after {clock.Elapsed.TotalSeconds:0.0} s");

        var expected = posted.SelectMany(ids => ids).ToList();
        var mails = _sendGrid.Mails();
        var doubles = mails.Doubles();
        var missing = expected.Except(mails.Select(m => m.SurveyId)).ToList();
        var byReplica = mails.GroupBy(m => m.ApiKey).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"surveys {expected.Count}, requests {_sendGrid.Requests.Count}, e-mails {mails.Count}, doubles {doubles.Count}, " +
            $"missing {missing.Count}, by replica {string.Join(", ", byReplica.Select(r => $"{r.Key}: {r.Value}"))}");
        Assert.Equal(surveyCount, expected.Count);
        Assert.Empty(doubles);
        Assert.Empty(missing);
        Assert.Equal(expected.Count, mails.Count);
    }

    private Task<ServiceProcess> StartAsync(Dictionary<string, string> store, string apiKey) =>
        ServiceProcess.StartAsync(new Dictionary<string, string>(store)
        {
            // Each replica signs its requests with its own key, so the fake can tell who sent what.
            ["Feedback:SendGrid:ApiKey"] = apiKey,
            ["Feedback:SendGrid:BaseUrl"] = _sendGrid.BaseUrl,
            ["Feedback:Dispatch:PollInterval"] = "00:00:00.200",
            ["Feedback:Dispatch:BatchSize"] = "500",
        });

    public async ValueTask DisposeAsync()
    {
        await _sendGrid.DisposeAsync();
        _data.Delete(recursive: true);
    }
}
