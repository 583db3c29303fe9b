using Feedback.Api.Hosting.Auth;
using Feedback.Api.Hosting.Errors;
using Feedback.Core.Common;
using Feedback.Core.Storage;
using Feedback.Core.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Feedback.Api.Hosting.Jobs;
using Feedback.Api.Features.ProviderEvents;

namespace Feedback.Api.Features.Subscriptions;

/// <summary>Outbound webhook subscriptions and their delivery log (admin). The SendGrid inbound webhook is <see cref="SendGridEventsApi"/>.</summary>
public static class SubscriptionsApi
{
    public static IEndpointRouteBuilder MapSubscriptionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/webhooks")
            .WithFeedbackErrors()
            .RequireAuthorization(Scopes.Admin)
            .WithTags("Webhooks");

        group.MapPost("/", CreateAsync)
            .WithName("createWebhook")
            .WithSummary("Subscribe a URL to events; the answer carries the signing secret, shown this once.");

        group.MapGet("/", ListAsync)
            .WithName("listWebhooks")
            .WithSummary("List subscriptions (without secrets), oldest first, paged by cursor.");

        group.MapGet("/{id}", GetAsync)
            .WithName("getWebhook")
            .WithSummary("Get one subscription (without its secret).")
            .ProducesProblems(404);

        group.MapDelete("/{id}", DeleteAsync)
            .WithName("deleteWebhook")
            .WithSummary("Delete a subscription; its pending deliveries are dropped.")
            .ProducesProblems(404);

        group.MapGet("/{id}/deliveries", ListDeliveriesAsync)
            .WithName("listWebhookDeliveries")
            .WithSummary("The subscription's delivery log, oldest first, paged by cursor.")
            .ProducesProblems(404);

        return app;
    }

    public static async Task<Results<Created<CreatedWebhookResponse>, ValidationProblem>> CreateAsync(
        JsonBody<CreateWebhookRequest> body, WebhookSubscribers subscriptions, IOptions<WebhookOptions> options, TimeProvider time, CancellationToken ct)
    {
        var (request, errors) = (body.Value, body.Errors);
        var subscription = WebhookRules.Create(
            request.Url, request.Events, request.MinScore, request.MaxScore, options.Value.AllowPrivateNetworks, time, errors);
        if (subscription is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        await subscriptions.AddAsync(subscription, ct);
        return TypedResults.Created($"/v1/webhooks/{subscription.Id}", CreatedWebhookResponse.From(subscription));
    }

    public static async Task<Results<Ok<WebhookListResponse>, ValidationProblem>> ListAsync(
        IWebhookStore webhooks, CancellationToken ct, string? cursor = null, int limit = PageCursor.DefaultLimit)
    {
        var errors = new ValidationErrors();
        var after = Paging.Validate(cursor, limit, errors);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var page = await webhooks.ListSubscriptionsAsync(after, limit, ct);
        return TypedResults.Ok(new WebhookListResponse(page.Items.Select(WebhookResponse.From).ToList(), page.NextCursor));
    }

    public static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> GetAsync(string id, IWebhookStore webhooks, CancellationToken ct) =>
        await webhooks.GetSubscriptionAsync(id, ct) is { } found ? TypedResults.Ok(WebhookResponse.From(found)) : Unknown(id);

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, WebhookSubscribers subscriptions, CancellationToken ct) =>
        await subscriptions.DeleteAsync(id, ct) ? TypedResults.NoContent() : Unknown(id);

    public static async Task<Results<Ok<WebhookDeliveryListResponse>, ValidationProblem, ProblemHttpResult>> ListDeliveriesAsync(
        string id, IWebhookStore webhooks, CancellationToken ct, string? cursor = null, int limit = PageCursor.DefaultLimit)
    {
        var errors = new ValidationErrors();
        var after = Paging.Validate(cursor, limit, errors);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        if (await webhooks.GetSubscriptionAsync(id, ct) is null)
        {
            return Unknown(id);
        }
        var page = await webhooks.ListDeliveriesAsync(id, after, limit, ct);
        return TypedResults.Ok(new WebhookDeliveryListResponse(page.Items.Select(WebhookDeliveryDto.From).ToList(), page.NextCursor));
    }

    private static ProblemHttpResult Unknown(string id) => Problems.NotFound($"Webhook subscription '{id}' does not exist.");
}
