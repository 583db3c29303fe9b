using System.Text.Json;
using Feedback.Core.Common;
using Feedback.Core.Delivery;
using Feedback.Core.Storage;
using Feedback.Email.SendGrid;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Feedback.Api.Webhooks;

/// <summary>
/// SendGrid's Event Webhook: bounces, drops, spam reports and unsubscribes suppress the address; delivered and open
/// stamp the survey (found by the <c>survey_id</c> custom argument); any event for a survey in doubt (its request was in
/// flight when its sender died) confirms it as sent. Signed batches are verified when a key is set.
/// </summary>
public static class SendGridWebhookApi
{
    private static readonly HashSet<string> Suppressing = ["bounce", "dropped", "spamreport", "unsubscribe", "group_unsubscribe"];

    public static IEndpointRouteBuilder MapSendGridWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/sendgrid", ReceiveAsync)
            .WithName("receiveSendGridEvents")
            .WithSummary("SendGrid Event Webhook (signature verified when Feedback:SendGrid:WebhookPublicKey is set).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithTags("Webhooks");

        return app;
    }

    public static async Task<Results<Ok, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, IOptions<SendGridOptions> options, SendGridSignature signature, ISuppressionStore suppressions,
        ISurveyStore surveys, SendConfirmation confirmation, TimeProvider time, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var payload = await reader.ReadToEndAsync(ct);
        if (!string.IsNullOrWhiteSpace(options.Value.WebhookPublicKey) && !signature.IsValid(request.Headers, payload))
        {
            return TypedResults.Problem("The Event Webhook signature is missing, wrong or too old.", statusCode: StatusCodes.Status401Unauthorized);
        }
        List<JsonElement>? events;
        try
        {
            events = JsonSerializer.Deserialize<List<JsonElement>>(payload);
        }
        catch (JsonException)
        {
            events = null;
        }
        if (events is null)
        {
            return TypedResults.Problem("The body must be a JSON array of SendGrid events.", statusCode: StatusCodes.Status400BadRequest);
        }
        foreach (var e in events.Where(e => e.ValueKind == JsonValueKind.Object))
        {
            await ApplyAsync(e, suppressions, surveys, time, ct);
            if (Text(e, "survey_id") is { } surveyId)
            {
                await confirmation.ConfirmAsync(surveyId, ct);
            }
        }
        return TypedResults.Ok();
    }

    private static async Task ApplyAsync(JsonElement e, ISuppressionStore suppressions, ISurveyStore surveys, TimeProvider time, CancellationToken ct)
    {
        var kind = Text(e, "event");
        var email = Text(e, "email");
        // TryGetInt64 throws on a non-number; one odd entry must not fail the batch (SendGrid would retry it for hours).
        var at = e.TryGetProperty("timestamp", out var ts) && ts.ValueKind == JsonValueKind.Number && ts.TryGetInt64(out var unix)
            && unix is > 0 and < 32503680000
            ? DateTimeOffset.FromUnixTimeSeconds(unix)
            : time.GetUtcNow();
        if (kind is not null && Suppressing.Contains(kind) && email is not null && Emails.IsValid(email))
        {
            await suppressions.AddAsync(new Suppression(Emails.Normalize(email), kind, "sendgrid", at), ct);
        }
        else if (kind is "delivered" or "open" && Text(e, "survey_id") is { } surveyId)
        {
            await surveys.StampAsync(surveyId, kind == "delivered" ? at : null, kind == "open" ? at : null, ct);
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
