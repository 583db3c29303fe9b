using Feedback.Core.Delivery;
using Feedback.Core.Storage;
using Feedback.Email.SendGrid;
using Microsoft.AspNetCore.Http.HttpResults;
using Feedback.Api.Features.Subscriptions;
using Feedback.Api.Hosting.Jobs;

namespace Feedback.Api.Features.ProviderEvents;

/// <summary>
/// SendGrid's Event Webhook: bounces, drops, spam reports and unsubscribes suppress the address; delivered and open
/// stamp the survey (found by the <c>survey_id</c> custom argument); any event for a survey in doubt (its request was in
/// flight when its sender died) confirms it as sent. Signed batches are verified when a key is set. Reading and checking
/// the batch is the SendGrid adapter's (<see cref="SendGridEvents"/>, <see cref="SendGridSignature"/>).
/// </summary>
public static class SendGridEventsApi
{
    public static IEndpointRouteBuilder MapSendGridEventsApi(this IEndpointRouteBuilder app)
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
        HttpRequest request, SendGridSignature signature, ISuppressionStore suppressions, ISurveyStore surveys,
        SendConfirmation confirmation, TimeProvider time, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var payload = await reader.ReadToEndAsync(ct);
        if (!signature.Accepts(request.Headers[SendGridSignature.SignatureHeader], request.Headers[SendGridSignature.TimestampHeader], payload))
        {
            return TypedResults.Problem("The Event Webhook signature is missing, wrong or too old.", statusCode: StatusCodes.Status401Unauthorized);
        }
        if (SendGridEvents.Parse(payload, time.GetUtcNow()) is not { } events)
        {
            return TypedResults.Problem("The body must be a JSON array of SendGrid events.", statusCode: StatusCodes.Status400BadRequest);
        }
        foreach (var e in events)
        {
            if (e.Suppression is { } suppression)
            {
                await suppressions.AddAsync(suppression, ct);
            }
            else if (e.SurveyId is { } surveyId && (e.DeliveredAt ?? e.OpenedAt) is not null)
            {
                await surveys.StampAsync(surveyId, e.DeliveredAt, e.OpenedAt, ct);
            }
            if (e.SurveyId is { } inDoubt)
            {
                await confirmation.ConfirmAsync(inDoubt, ct);
            }
        }
        return TypedResults.Ok();
    }
}
