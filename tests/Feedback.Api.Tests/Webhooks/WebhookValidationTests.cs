using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Webhooks;

/// <summary>Bad subscriptions, on one service with the default settings (private networks refused); none is ever stored.</summary>
public sealed class WebhookValidationTests(SharedFeedbackApi api) : IClassFixture<SharedFeedbackApi>
{
    public static TheoryData<object, string> BadSubscriptions => new()
    {
        { new { events = new[] { "response.created" } }, "url" },
        { WebhookSubscriptionTests.Subscription(url: "ftp://hooks.example.com/x"), "url" },
        { WebhookSubscriptionTests.Subscription(url: "/relative/path"), "url" },
        { WebhookSubscriptionTests.Subscription(url: "https://user:pass@hooks.example.com/"), "url" },
        { WebhookSubscriptionTests.Subscription(url: "http://127.0.0.1/hook"), "url" },
        { WebhookSubscriptionTests.Subscription(url: "http://10.0.0.1/"), "url" },
        { WebhookSubscriptionTests.Subscription(url: "http://169.254.169.254/latest/meta-data"), "url" },
        { WebhookSubscriptionTests.Subscription(url: "http://[::1]:8080/"), "url" },
        { WebhookSubscriptionTests.Subscription(url: "http://localhost:8080/"), "url" },
        { WebhookSubscriptionTests.Subscription(events: []), "events" },
        { WebhookSubscriptionTests.Subscription(events: ["response.deleted"]), "events[0]" },
        { WebhookSubscriptionTests.Subscription(minScore: -1), "minScore" },
        { WebhookSubscriptionTests.Subscription(maxScore: 11), "maxScore" },
        { WebhookSubscriptionTests.Subscription(minScore: 7, maxScore: 6), "maxScore" },
    };

    [Theory]
    [MemberData(nameof(BadSubscriptions))]
    public async Task BadSubscriptionIsRefusedNamingTheField(object body, string field)
    {
        using var admin = await api.Factory.CreateClientAsync(ApiScope.Admin);

        var response = await admin.PostAsJsonAsync("/v1/webhooks", body);

        await ProblemAssert.IsValidationProblemAsync(response, field);
        Assert.Empty((await admin.GetFromJsonAsync<JsonObject>("/v1/webhooks"))!["items"]!.AsArray());
    }
}
