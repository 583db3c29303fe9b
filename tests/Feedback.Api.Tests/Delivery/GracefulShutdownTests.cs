using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;
using Feedback.Core.Delivery;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Api.Tests.Delivery;

/// <summary>Stopping the host mid-batch: the request in flight is finished and recorded, the rest of the claim is handed back.</summary>
public sealed class GracefulShutdownTests : IAsyncLifetime
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("feedback-shutdown-");
    private FakeSendGridServer _sendGrid = null!;

    public async ValueTask InitializeAsync() => _sendGrid = await FakeSendGridServer.StartAsync();

    [Fact]
    public async Task StopMidBatchSendsTheRestOnceAfterRestartWithoutWaitingForTheLease()
    {
        // The first request is held long enough for the stop to arrive while it is in flight, on a busy machine too.
        _sendGrid.Default = FakeSendGridResponse.Accepted with { Delay = TimeSpan.FromSeconds(5) };
        var first = Start("00:00:01");
        var admin = await first.CreateClientAsync(ApiScope.Admin);
        // Three templates on one trigger: one event schedules three surveys, claimed together and sent as three requests.
        for (var i = 0; i < 3; i++)
        {
            var template = TemplateBodies.Csat().With("delay", "\"PT0S\"").With("sendWindow", "null").With("quietPeriod", "null");
            (await admin.PostAsJsonAsync("/v1/templates", template)).EnsureSuccessStatusCode();
        }
        var posted = await admin.PostAsJsonAsync("/v1/events", EventBodies.Resolved("e-1", occurredAt: first.Time.GetUtcNow().ToString("O")));
        var ids = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["surveys"]!.AsArray().Select(s => (string)s!["id"]!).ToList();
        for (var step = 0; step < 300 && _sendGrid.Requests.Count == 0; step++)
        {
            first.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        await first.DisposeAsync();
        _sendGrid.Default = FakeSendGridResponse.Accepted;
        await using var second = Start("01:00:00");
        var store = second.Services.GetRequiredService<ISurveyStore>();
        var afterStop = await Task.WhenAll(ids.Select(id => store.GetAsync(id)));
        var requestsAtStop = _sendGrid.Requests.Count;
        // Same clock reading as the first start: an unreleased lease (5 minutes) would keep the rest from being claimed.
        await second.Services.GetRequiredService<SurveyDispatcher>().DispatchDueAsync();
        // The second host's Quartz job fires once at start and may have claimed one of them: wait for its send too.
        for (var wait = 0; wait < 200 && _sendGrid.Requests.Count < 3; wait++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(3, ids.Count);
        Assert.Equal(1, requestsAtStop);
        Assert.Equal([SurveyStatus.Scheduled, SurveyStatus.Scheduled, SurveyStatus.Sent], afterStop.Select(s => s!.Status).Order());
        Assert.All(afterStop, s => Assert.Null(s!.LeaseOwner));
        Assert.Equal(3, _sendGrid.Requests.Count);
        Assert.Equal(ids.Order(), _sendGrid.Requests.Select(SurveyId).Order());
        Assert.All(await Task.WhenAll(ids.Select(id => store.GetAsync(id))), s => Assert.Equal(SurveyStatus.Sent, s!.Status));
    }

    private FeedbackApiFactory Start(string pollInterval)
    {
        var factory = new FeedbackApiFactory(_data.FullName);
        factory.Settings["Feedback:SendGrid:ApiKey"] = "SG.test-key";
        factory.Settings["Feedback:SendGrid:BaseUrl"] = _sendGrid.BaseUrl;
        factory.Settings["Feedback:Dispatch:PollInterval"] = pollInterval;
        return factory;
    }

    private static string SurveyId(RecordedSendGridRequest request) =>
        request.Json.GetProperty("personalizations")[0].GetProperty("custom_args").GetProperty("survey_id").GetString()!;

    public async ValueTask DisposeAsync()
    {
        await _sendGrid.DisposeAsync();
        _data.Delete(recursive: true);
    }
}
