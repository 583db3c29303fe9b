using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;
using Feedback.Core.Delivery;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Api.Tests.Delivery;

/// <summary>
/// The service with SendGrid pointed at a loopback fake and the Quartz jobs off; tests drive dispatch themselves with the
/// fake clock, or turn the jobs on (<see cref="SchedulingEnabled"/>) and step the clock to fire them.
/// </summary>
public abstract class DeliveryFixture : IAsyncLifetime
{
    public const string PublicBaseUrl = "https://feedback.test";

    protected FeedbackApiFactory Factory { get; } = new();
    protected FakeSendGridServer SendGrid { get; private set; } = null!;
    protected HttpClient Admin { get; private set; } = null!;

    /// <summary>Off unless a test is about the jobs: they would dispatch on their own and race tests that step the clock.</summary>
    protected virtual bool SchedulingEnabled => false;

    /// <summary>How often the dispatch job runs when scheduling is on.</summary>
    protected virtual string PollInterval => "01:00:00";

    /// <summary>Where the service finds SendGrid; the fake unless a test wants it unreachable.</summary>
    protected virtual string SendGridBaseUrl => SendGrid.BaseUrl;

    protected SurveyDispatcher Dispatcher => Factory.Services.GetRequiredService<SurveyDispatcher>();
    protected SurveyHousekeeping Housekeeping => Factory.Services.GetRequiredService<SurveyHousekeeping>();
    protected ISurveyStore Surveys => Factory.Services.GetRequiredService<ISurveyStore>();
    protected ISurveyOutbox Outbox => Factory.Services.GetRequiredService<ISurveyOutbox>();

    public virtual async ValueTask InitializeAsync()
    {
        SendGrid = await FakeSendGridServer.StartAsync();
        Factory.Settings["Feedback:SendGrid:ApiKey"] = "SG.test-key";
        Factory.Settings["Feedback:SendGrid:BaseUrl"] = SendGridBaseUrl;
        Factory.Settings["Feedback:PublicBaseUrl"] = PublicBaseUrl;
        Factory.Settings["Feedback:Scheduling:Enabled"] = SchedulingEnabled ? "true" : "false";
        Factory.Settings["Feedback:Dispatch:PollInterval"] = PollInterval;
        Admin = await Factory.CreateClientAsync(ApiScope.Admin);
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await SendGrid.DisposeAsync();
    }

    protected async Task<string> CreateTemplateAsync(Action<JsonObject>? change = null)
    {
        var body = TemplateBodies.Csat();
        body["delay"] = "PT1H";
        body["sendWindow"] = null;
        body["quietPeriod"] = null;
        change?.Invoke(body);
        var response = await Admin.PostAsJsonAsync("/v1/templates", body);
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    protected async Task<string> PostEventAsync(string id, string locale, string email, string subjectId = "ticket-1")
    {
        var body = EventBodies.Resolved(id, subjectId: subjectId, customerId: email, locale: locale, email: email,
            occurredAt: Factory.Time.GetUtcNow().ToString("O"));
        var response = await Admin.PostAsJsonAsync("/v1/events", body);
        response.EnsureSuccessStatusCode();
        var surveys = (await response.Content.ReadFromJsonAsync<JsonObject>())!["surveys"]!.AsArray();
        return surveys.Count == 1 ? (string)surveys[0]!["id"]! : "";
    }

    protected async Task<Survey> SurveyAsync(string id) => (await Surveys.GetAsync(id))!;

    /// <summary>Every personalization SendGrid received, with the request it came in.</summary>
    protected IReadOnlyList<(JsonElement Request, JsonElement Personalization)> Personalizations() =>
        SendGrid.Requests.SelectMany(r => r.Json.GetProperty("personalizations").EnumerateArray().Select(p => (r.Json, p))).ToList();
}
