using Microsoft.AspNetCore.Http.HttpResults;

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

    /// <summary>The error responses every API route can give (documented once per group).</summary>
    public static TBuilder WithFeedbackErrors<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
}
