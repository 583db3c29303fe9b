using System.Net;
using System.Text.Json.Nodes;

namespace Feedback.Api.Tests.Infrastructure;

/// <summary>Assertions on RFC 9457 Problem Details responses.</summary>
public static class ProblemAssert
{
    /// <summary>
    /// The response is a Problem Details body with <paramref name="status"/> and nothing internal in it: no stack trace,
    /// exception or .NET type name. Every bad-request test goes through here, so each one also checks for leaks.
    /// </summary>
    public static async Task<JsonObject> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b(Feedback|System|Microsoft)\.[A-Z]", text);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, (int?)body["status"]);
        return body;
    }

    /// <summary>A 400 whose <c>errors</c> name exactly <paramref name="fields"/>.</summary>
    public static async Task<JsonObject> IsValidationProblemAsync(HttpResponseMessage response, params string[] fields)
    {
        var body = await IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = Assert.IsType<JsonObject>(body["errors"], exactMatch: false);
        Assert.Equal(fields.Order(StringComparer.Ordinal), errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.NotEmpty(e.Value!.AsArray()));
        return body;
    }

    /// <summary>The first message for <paramref name="field"/> in a validation problem.</summary>
    public static string Message(JsonObject problem, string field) => (string)problem["errors"]![field]![0]!;
}
