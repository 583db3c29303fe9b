using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Core.Auth;
using Feedback.Core.Delivery;
using Feedback.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Api.Tests.Infrastructure;

/// <summary>
/// The service as a developer runs it: no SendGrid key, so mail lands in the dev mailbox. Clients for every scope and
/// helpers to make templates, events and direct sends; tests dispatch themselves with <see cref="Dispatcher"/>.
/// Override <see cref="Configure"/> to add settings before the host starts.
/// </summary>
public abstract class ServiceFixture : IAsyncLifetime
{
    public const string PublicBaseUrl = "https://feedback.test";

    protected FeedbackApiFactory Factory { get; } = new();
    protected HttpClient Admin { get; private set; } = null!;
    protected HttpClient Ingest { get; private set; } = null!;
    protected HttpClient Read { get; private set; } = null!;

    protected SurveyDispatcher Dispatcher => Factory.Services.GetRequiredService<SurveyDispatcher>();
    protected ISurveyStore Surveys => Factory.Services.GetRequiredService<ISurveyStore>();

    public async ValueTask InitializeAsync()
    {
        Factory.Settings["Feedback:PublicBaseUrl"] = PublicBaseUrl;
        // The Quartz jobs would dispatch on their own and race tests that dispatch themselves.
        Factory.Settings["Feedback:Scheduling:Enabled"] = "false";
        Configure(Factory.Settings);
        Admin = await Factory.CreateClientAsync(ApiScope.Admin);
        Ingest = await Factory.CreateClientAsync(ApiScope.Ingest);
        Read = await Factory.CreateClientAsync(ApiScope.Read);
        await SeedAsync();
    }

    public virtual ValueTask DisposeAsync() => Factory.DisposeAsync();

    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    /// <summary>Runs once the host is up, for fixtures shared by a test class.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    /// <summary>A template change: surveys are due as soon as they are made, at any hour.</summary>
    protected static readonly Action<JsonObject> NoDelay = t =>
    {
        t["delay"] = "PT0S";
        t["sendWindow"] = null;
    };

    /// <summary>A CSAT template (delay PT24H, window 09:00–20:00, no quiet period) changed by <paramref name="change"/>.</summary>
    protected async Task<string> CreateTemplateAsync(Action<JsonObject>? change = null)
    {
        var body = TemplateBodies.Csat();
        body["quietPeriod"] = null;
        change?.Invoke(body);
        var response = await Admin.PostAsJsonAsync("/v1/templates", body);
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    /// <summary>A valid direct-send body for a customer in Bratislava.</summary>
    protected static JsonObject SendBody(string templateId, string subjectId = "ticket-1", string customerId = "c-1", string email = "jan@example.sk") => new()
    {
        ["templateId"] = templateId,
        ["subjectId"] = subjectId,
        ["customer"] = new JsonObject
        {
            ["id"] = customerId,
            ["email"] = email,
            ["name"] = "Ján",
            ["locale"] = "sk-SK",
            ["timeZone"] = "Europe/Bratislava",
        },
        ["properties"] = new JsonObject { ["channel"] = "email" },
    };

    protected Task<HttpResponseMessage> SendAsync(JsonObject body) => Ingest.PostAsJsonAsync("/v1/surveys", body);

    /// <summary>Sends directly and returns the new survey's id (fails the test unless 201).</summary>
    protected async Task<string> SendSurveyAsync(string templateId, string subjectId = "ticket-1", string customerId = "c-1", string email = "jan@example.sk")
    {
        var response = await SendAsync(SendBody(templateId, subjectId, customerId, email));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    /// <summary>Posts an event (occurring now) and returns the id of the one survey it scheduled.</summary>
    protected async Task<string> PostEventAsync(JsonObject body)
    {
        body["occurredAt"] = Factory.Time.GetUtcNow().ToString("O");
        var response = await Ingest.PostAsJsonAsync("/v1/events", body);
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["surveys"]![0]!["id"]!;
    }

    protected async Task<JsonObject> GetSurveyAsync(string id) => (await Read.GetFromJsonAsync<JsonObject>($"/v1/surveys/{id}"))!;
}
