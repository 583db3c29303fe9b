using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Api.Hosting.Errors;

/// <summary>
/// Problem Details results for the errors handlers return. They go through <see cref="IProblemDetailsService"/>, so the body is
/// <c>application/problem+json</c> with the trace id like every other error (<c>TypedResults.NotFound(problem)</c> would send
/// <c>application/json</c>); routes document them with <see cref="ProducesProblems"/>.
/// </summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string detail) => Create(StatusCodes.Status404NotFound, "Not found", detail);

    public static ProblemHttpResult Conflict(string detail) => Create(StatusCodes.Status409Conflict, "Conflict", detail);

    public static ProblemHttpResult PreconditionFailed(string detail) => Create(StatusCodes.Status412PreconditionFailed, "Precondition failed", detail);

    private static ProblemHttpResult Create(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    /// <summary>Documents the Problem Details statuses a route answers besides the group's ones (404, 409, 412 …).</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var status in statusCodes)
        {
            builder.ProducesProblem(status);
        }
        return builder;
    }

    /// <summary>
    /// The error responses an API route can give, documented once per group and read from each route's metadata once its
    /// conventions are complete: 413 and 500 on every route (the body limit is checked on every request); 401, 403 and 429
    /// on routes that need an API key (no or a wrong key, a key without the scope, too many wrong keys from one address);
    /// 415 on routes that read a JSON body.
    /// </summary>
    public static TBuilder WithFeedbackErrors<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            var metadata = endpoint.Metadata;
            List<int> statuses = [StatusCodes.Status413PayloadTooLarge, StatusCodes.Status500InternalServerError];
            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            {
                statuses.AddRange([StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests]);
            }
            if (metadata.OfType<IAcceptsMetadata>().Any(a => a.ContentTypes.Contains("application/json")))
            {
                statuses.Add(StatusCodes.Status415UnsupportedMediaType);
            }
            foreach (var status in statuses)
            {
                metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
            }
        });
        return builder;
    }
}
