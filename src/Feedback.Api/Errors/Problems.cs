using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Api.Errors;

/// <summary>Typed Problem Details results, so handlers declare them in their union return types (and in the OpenAPI document).</summary>
public static class Problems
{
    public static NotFound<ProblemDetails> NotFound(string detail) =>
        TypedResults.NotFound(Create(StatusCodes.Status404NotFound, "Not found", detail));

    public static Conflict<ProblemDetails> Conflict(string detail) =>
        TypedResults.Conflict(Create(StatusCodes.Status409Conflict, "Conflict", detail));

    public static ProblemHttpResult PreconditionFailed(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed");

    private static ProblemDetails Create(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail, Type = $"https://tools.ietf.org/html/rfc9110#section-15.5.{status - 399}" };

    /// <summary>The error responses every API route can give (documented once per group).</summary>
    public static TBuilder WithFeedbackErrors<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
}
