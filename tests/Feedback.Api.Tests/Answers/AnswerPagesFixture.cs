using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;
using Feedback.Core.Delivery;
using Feedback.Core.Responses;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Api.Tests.Answers;

/// <summary>
/// The service with the dev mailbox (no SendGrid key), so a posted event for a PT0S template becomes a sent survey
/// after one dispatch; tests then open its pages with an anonymous client, as a customer's browser would.
/// </summary>
public abstract class AnswerPagesFixture : IAsyncLifetime
{
    protected FeedbackApiFactory Factory { get; } = new();
    protected HttpClient Admin { get; private set; } = null!;
    protected HttpClient Browser { get; private set; } = null!;

    protected ISurveyStore Surveys => Factory.Services.GetRequiredService<ISurveyStore>();
    protected IResponseStore Responses => Factory.Services.GetRequiredService<IResponseStore>();
    protected ISuppressionStore Suppressions => Factory.Services.GetRequiredService<ISuppressionStore>();
    protected SurveyHousekeeping Housekeeping => Factory.Services.GetRequiredService<SurveyHousekeeping>();
    protected SurveyDispatcher Dispatcher => Factory.Services.GetRequiredService<SurveyDispatcher>();

    /// <summary>What the dev mailbox received, newest first.</summary>
    protected IReadOnlyList<DevMailboxMessage> Mail => Factory.Services.GetRequiredService<IDevMailbox>().List();

    public async ValueTask InitializeAsync()
    {
        // Quartz would dispatch and remind on its own, in the way of tests that drive both.
        Factory.Settings["Feedback:Scheduling:Enabled"] = "false";
        Admin = await Factory.CreateClientAsync(ApiScope.Admin);
        Browser = Factory.CreateAnonymousClient();
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>A CSAT template sent at once, reminder after 2 days, expiring after 14; <paramref name="change"/> edits the body.</summary>
    protected async Task CreateTemplateAsync(Action<JsonObject>? change = null)
    {
        var response = await Admin.PostAsJsonAsync("/v1/templates", TemplateBody(change));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The body <see cref="CreateTemplateAsync"/> posts, for a replace (PUT) of the same template.</summary>
    protected static JsonObject TemplateBody(Action<JsonObject>? change = null)
    {
        var body = TemplateBodies.Csat();
        body["delay"] = "PT0S";
        body["sendWindow"] = null;
        body["quietPeriod"] = null;
        foreach (var (_, content) in body["content"]!.AsObject())
        {
            content!["commentPrompt"] = "What could we do better?";
            content["thankYou"] = "Thanks, {{ customer.name }}!";
            content["lowLabel"] = "Very unsatisfied";
            content["highLabel"] = "Very satisfied";
        }
        change?.Invoke(body);
        return body;
    }

    /// <summary>Posts an event and dispatches: the survey as stored (sent), with its token. <paramref name="change"/> edits the event.</summary>
    protected async Task<Survey> SendSurveyAsync(string eventId, string locale = "sk-SK", string email = "jan@example.sk", Action<JsonObject>? change = null)
    {
        var outcome = await PostEventAsync(eventId, locale, email, change);
        var id = (string)outcome["surveys"]!.AsArray().Single()!["id"]!;
        await Dispatcher.DispatchDueAsync();
        var survey = (await Surveys.GetAsync(id))!;
        Assert.Equal(SurveyStatus.Sent, survey.Status);
        return survey;
    }

    /// <summary>Posts an event for <paramref name="email"/> (customer id = the address) and returns the 202 body.</summary>
    protected async Task<JsonObject> PostEventAsync(string eventId, string locale, string email, Action<JsonObject>? change = null)
    {
        var body = EventBodies.Resolved(eventId, subjectId: $"ticket-{eventId}", customerId: email, locale: locale, email: email,
            occurredAt: Factory.Time.GetUtcNow().ToString("O"));
        change?.Invoke(body);
        var response = await Admin.PostAsJsonAsync("/v1/events", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    protected async Task<SurveyResponse?> ResponseAsync(Survey survey) => await Responses.GetAsync(SurveyResponse.IdForSurvey(survey.Id));

    /// <summary>Posts the answer form as a browser does (form-encoded).</summary>
    protected Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string Value)[] fields) =>
        Browser.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));

    /// <summary>The HTML of a page, after asserting its status and that it is HTML.</summary>
    protected static async Task<string> PageAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return html;
    }
}
