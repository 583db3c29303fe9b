using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Feedback.Core.Delivery;
using SendGrid;

namespace Feedback.Email.SendGrid;

/// <summary>Turns a SendGrid answer into a <see cref="SendOutcome"/>.</summary>
internal static class SendGridOutcomes
{
    public const int MaxReasonLength = 500;

    public static async Task<SendOutcome> FromResponseAsync(Response response, TimeProvider time, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            return SendOutcome.Accepted;
        }
        var reason = Reason(status, await response.Body.ReadAsStringAsync(ct));
        return status switch
        {
            (int)HttpStatusCode.TooManyRequests => new(SendResult.RetryLater, reason, RetryAfter(response.Headers, time)),
            // A wrong or revoked API key, or a timeout, is the operator's to fix: keep the surveys in the outbox meanwhile.
            401 or 403 or 408 => new(SendResult.RetryLater, reason),
            >= 400 and < 500 => new(SendResult.Rejected, reason),
            // 5xx, and anything SendGrid never answers (an unfollowed redirect from a proxy): worth another try later.
            _ => new(SendResult.RetryLater, reason),
        };
    }

    public static string Truncate(string reason) =>
        reason.Length <= MaxReasonLength ? reason : reason[..(MaxReasonLength - 1)] + "…";

    internal static TimeSpan? RetryAfter(HttpResponseHeaders headers, TimeProvider time) => headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > time.GetUtcNow() ? date - time.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };

    private static string Reason(int status, string body)
    {
        var message = ErrorMessage(body) ?? (body.Length > 0 ? body : "no error message");
        return Truncate($"SendGrid {status}: {message}");
    }

    // SendGrid's error body: {"errors":[{"message":"…","field":"…","help":…}]}
    private static string? ErrorMessage(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array
                && errors.GetArrayLength() > 0
                && errors[0].ValueKind == JsonValueKind.Object
                && errors[0].TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String)
            {
                return message.GetString();
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
