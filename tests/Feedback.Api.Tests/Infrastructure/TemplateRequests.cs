using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Feedback.Api.Tests.Infrastructure;

/// <summary>Template calls most tests need, on a client with the admin scope.</summary>
public static class TemplateRequests
{
    /// <summary>Creates a template (<see cref="TemplateBodies.Csat"/> unless given) and returns the created representation.</summary>
    public static async Task<JsonObject> CreateTemplateAsync(this HttpClient admin, JsonObject? body = null)
    {
        var response = await admin.PostAsJsonAsync("/v1/templates", body ?? TemplateBodies.Csat());
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>PUT with an optional raw <c>If-Match</c> header value (sent as given, e.g. <c>"1"</c>, <c>*</c>, <c>W/"1"</c>).</summary>
    public static Task<HttpResponseMessage> PutTemplateAsync(this HttpClient admin, string id, JsonObject body, string? ifMatch = null) =>
        admin.SendAsync(WithIfMatch(new HttpRequestMessage(HttpMethod.Put, $"/v1/templates/{id}") { Content = JsonContent.Create(body) }, ifMatch));

    public static Task<HttpResponseMessage> DeleteTemplateAsync(this HttpClient admin, string id, string? ifMatch = null) =>
        admin.SendAsync(WithIfMatch(new HttpRequestMessage(HttpMethod.Delete, $"/v1/templates/{id}"), ifMatch));

    public static async Task<JsonObject> GetTemplateAsync(this HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonObject>($"/v1/templates/{id}"))!;

    private static HttpRequestMessage WithIfMatch(HttpRequestMessage request, string? ifMatch)
    {
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return request;
    }
}
