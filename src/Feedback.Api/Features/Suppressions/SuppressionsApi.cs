using Feedback.Api.Hosting.Auth;
using Feedback.Api.Hosting.Errors;
using Feedback.Core.Common;
using Feedback.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Api.Features.Suppressions;

public sealed record SuppressionRequest(string? Email, string? Reason);

public sealed record SuppressionResponse(string Email, string Reason, string Source, DateTimeOffset CreatedAt)
{
    public static SuppressionResponse From(Suppression s) => new(s.Email, s.Reason, s.Source, s.CreatedAt);
}

public sealed record SuppressionList(IReadOnlyList<SuppressionResponse> Items, string? NextCursor);

public static class SuppressionsApi
{
    public static IEndpointRouteBuilder MapSuppressionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/suppressions")
            .WithFeedbackErrors()
            .WithTags("Suppressions");

        group.MapGet("/", ListAsync)
            .WithName("listSuppressions")
            .WithSummary("List suppressed addresses, ordered by address, paged by cursor.")
            .RequireAuthorization(Scopes.Read);

        group.MapGet("/{email}", GetAsync)
            .WithName("getSuppression")
            .WithSummary("Whether an address is suppressed, and why.")
            .ProducesProblems(404)
            .RequireAuthorization(Scopes.Read);

        group.MapPost("/", AddAsync)
            .WithName("addSuppression")
            .WithSummary("Suppress an address: no survey is sent to it any more.")
            .RequireAuthorization(Scopes.Ingest);

        group.MapDelete("/{email}", RemoveAsync)
            .WithName("removeSuppression")
            .WithSummary("Lift a suppression (admin: it overrides a bounce or a customer's wish).")
            .ProducesProblems(404)
            .RequireAuthorization(Scopes.Admin);

        return app;
    }

    public static async Task<Results<Ok<SuppressionList>, ValidationProblem>> ListAsync(
        ISuppressionStore suppressions, CancellationToken ct, string? cursor = null, int limit = PageCursor.DefaultLimit)
    {
        var errors = new ValidationErrors();
        var after = Paging.Validate(cursor, limit, errors);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var page = await suppressions.ListAsync(after, limit, ct);
        return TypedResults.Ok(new SuppressionList(page.Items.Select(SuppressionResponse.From).ToList(), page.NextCursor));
    }

    public static async Task<Results<Ok<SuppressionResponse>, ProblemHttpResult>> GetAsync(string email, ISuppressionStore suppressions, CancellationToken ct) =>
        await suppressions.GetAsync(Address(email), ct) is { } found
            ? TypedResults.Ok(SuppressionResponse.From(found))
            : Problems.NotFound($"'{email}' is not suppressed.");

    public static async Task<Results<Created<SuppressionResponse>, Ok<SuppressionResponse>, ValidationProblem>> AddAsync(
        JsonBody<SuppressionRequest> body, ISuppressionStore suppressions, TimeProvider time, CancellationToken ct)
    {
        var (request, errors) = (body.Value, body.Errors);
        if (string.IsNullOrWhiteSpace(request.Email) || !Emails.IsValid(request.Email.Trim()))
        {
            errors.Add("email", request.Email is null ? "is required" : "must be a valid e-mail address");
        }
        if (request.Reason is { Length: > 200 })
        {
            errors.Add("reason", "must be at most 200 characters");
        }
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var suppression = new Suppression(Emails.Normalize(request.Email!), request.Reason ?? "manual", "api", time.GetUtcNow());
        if (await suppressions.AddAsync(suppression, ct))
        {
            return TypedResults.Created($"/v1/suppressions/{Uri.EscapeDataString(suppression.Email)}", SuppressionResponse.From(suppression));
        }
        return TypedResults.Ok(SuppressionResponse.From((await suppressions.GetAsync(suppression.Email, ct))!));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string email, ISuppressionStore suppressions, CancellationToken ct) =>
        await suppressions.RemoveAsync(Address(email), ct)
            ? TypedResults.NoContent()
            : Problems.NotFound($"'{email}' is not suppressed.");

    // The server decodes every escape in a path except %2F, so an address with a '/' (valid in the local part) arrives
    // with "%2F" in it; without this the Location of such a suppression would 404 and it could never be lifted.
    private static string Address(string routeValue) => Emails.Normalize(routeValue.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase));
}
