using Feedback.Api.Hosting.Auth;
using Feedback.Api.Hosting.Errors;
using Feedback.Api.Features.Surveys;
using Feedback.Core.Common;
using Feedback.Core.Delivery;
using Feedback.Core.Storage;
using Feedback.Core.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Api.Features.Customers;

/// <summary>What one erasure changed: counts of records changed by this call (a repeat answers zeros).</summary>
public sealed record ErasureResponse(string CustomerId, int Surveys, int Responses, int FollowUps, int MailboxMessages, int WebhookDeliveries);

public static class CustomersApi
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/customers")
            .WithFeedbackErrors()
            .WithTags("Customers");

        group.MapDelete("/{customerId}", EraseAsync)
            .WithName("eraseCustomer")
            .WithSummary("Erase a customer's personal data (e-mail, name, comments, answer links) everywhere, follow-ups and webhook payloads included; scores stay. Idempotent: a repeat answers zeros.")
            .RequireAuthorization(Scopes.Admin);

        return app;
    }

    public static async Task<Results<Ok<ErasureResponse>, ValidationProblem>> EraseAsync(
        string customerId, ISurveyStore surveys, ISurveyHousekeepingStore housekeeping, IResponseStore responses, IFollowUpStore followUps,
        IWebhookStore webhooks, IDevMailbox mailbox, TimeProvider time, CancellationToken ct)
    {
        if (customerId.Length is 0 or > Ids.MaxLength)
        {
            var errors = new ValidationErrors();
            errors.Add("customerId", $"must be 1 to {Ids.MaxLength} characters");
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        // The addresses are gone from the surveys once they are erased, so they are read first.
        var addresses = await AddressesAsync(surveys, customerId, ct);
        var at = time.GetUtcNow();
        var erasedSurveys = await housekeeping.EraseCustomerAsync(customerId, at, ct);
        var erasedResponses = await responses.EraseCustomerAsync(customerId, at, ct);
        var erasedFollowUps = await followUps.EraseCustomerAsync(customerId, at, ct);
        var erasedMessages = addresses.Sum(mailbox.Erase);
        var erasedDeliveries = await webhooks.EraseCustomerAsync(customerId, WebhookPayloads.Redact, ct);
        return TypedResults.Ok(new ErasureResponse(customerId, erasedSurveys, erasedResponses, erasedFollowUps, erasedMessages, erasedDeliveries));
    }

    private static async Task<IReadOnlySet<string>> AddressesAsync(ISurveyStore surveys, string customerId, CancellationToken ct)
    {
        var addresses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? after = null;
        do
        {
            var page = await surveys.ListAsync(new SurveyQuery(CustomerId: customerId, After: after, Limit: PageCursor.MaxLimit), ct);
            addresses.UnionWith(page.Items.Select(s => s.Customer.Email).OfType<string>().Where(e => e != Erasure.Email));
            after = page.Items.Count > 0 && page.NextCursor is not null ? page.Items[^1].Id : null;
        }
        while (after is not null);
        return addresses;
    }
}
