using Feedback.Api.Hosting.Jobs;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Delivery;
using Feedback.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Api.Tests.Operations;

/// <summary>The workers' Core settings come only from the options: their defaults and what configuration sets.</summary>
public sealed class WorkerSettingsTests
{
    [Fact]
    public async Task WithoutConfigurationTheWorkersUseTheOptionsDefaults()
    {
        await using var factory = new FeedbackApiFactory();
        using var client = factory.CreateClient();

        var dispatch = factory.Services.GetRequiredService<DispatchSettings>();
        var webhooks = factory.Services.GetRequiredService<WebhookSettings>();

        var dispatchDefaults = new DispatchOptions();
        var webhookDefaults = new WebhookOptions();
        Assert.Equal((dispatchDefaults.BatchSize, dispatchDefaults.Lease, dispatchDefaults.MaxAttempts), (dispatch.BatchSize, dispatch.Lease, dispatch.MaxAttempts));
        Assert.Equal((webhookDefaults.BatchSize, webhookDefaults.Lease, webhookDefaults.MaxAttempts), (webhooks.BatchSize, webhooks.Lease, webhooks.MaxAttempts));
    }

    [Fact]
    public async Task ConfiguredValuesReachTheWorkers()
    {
        await using var factory = new FeedbackApiFactory();
        factory.Settings["Feedback:Dispatch:BatchSize"] = "17";
        factory.Settings["Feedback:Dispatch:Lease"] = "00:03:00";
        factory.Settings["Feedback:Dispatch:MaxAttempts"] = "4";
        factory.Settings["Feedback:Webhooks:BatchSize"] = "9";
        factory.Settings["Feedback:Webhooks:Lease"] = "00:07:00";
        factory.Settings["Feedback:Webhooks:MaxAttempts"] = "6";
        using var client = factory.CreateClient();

        var dispatch = factory.Services.GetRequiredService<DispatchSettings>();
        var webhooks = factory.Services.GetRequiredService<WebhookSettings>();

        Assert.Equal((17, TimeSpan.FromMinutes(3), 4), (dispatch.BatchSize, dispatch.Lease, dispatch.MaxAttempts));
        Assert.Equal((9, TimeSpan.FromMinutes(7), 6), (webhooks.BatchSize, webhooks.Lease, webhooks.MaxAttempts));
    }
}
