using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Api.Hosting.Errors;

/// <summary>
/// Turns request binding failures into Problem Details: a body that is not JSON becomes a 400 under <c>body</c> (values of
/// the wrong type are listed with the other errors by <see cref="JsonBody{T}"/>); a bad query or route value a 400 naming
/// the parameter; other <see cref="BadHttpRequestException"/>s (413, 415 …) keep their status. Nothing internal reaches
/// the client.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        context.Response.StatusCode = bad.StatusCode;
        var problem = bad.InnerException is JsonException json ? JsonProblem(json)
            : ParameterProblem(bad) ?? StatusProblem(bad);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static HttpValidationProblemDetails JsonProblem(JsonException json)
    {
        var message = $"is not valid JSON: {json.Message.Split(" Path:")[0].Split(" LineNumber:")[0]}";
        if (json.LineNumber is { } line && json.BytePositionInLine is { } position)
        {
            message += $" (line {line + 1}, byte {position + 1})";
        }
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["body"] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body is not valid.",
        };
    }

    [GeneratedRegex("""^(?:Failed to bind parameter "(?<type>[^ "]+) (?<name>[^"]+)" from|Required parameter "(?<type>[^ "]+) (?<name>[^"]+)" was not provided)""")]
    private static partial Regex ParameterFailure();

    // Query and route values that do not convert ("?limit=abc") or are missing name the parameter, not a .NET type.
    private static HttpValidationProblemDetails? ParameterProblem(BadHttpRequestException bad)
    {
        var match = ParameterFailure().Match(bad.Message);
        if (!match.Success)
        {
            return null;
        }
        var message = bad.Message.StartsWith("Required", StringComparison.Ordinal) ? "is required"
            : match.Groups["type"].Value.TrimEnd('?') switch
            {
                "int" or "long" => "must be a whole number",
                "double" or "decimal" => "must be a number",
                "bool" => "must be true or false",
                "DateTimeOffset" or "DateTime" or "DateOnly" => "must be an ISO-8601 date or date-time",
                _ => "has an invalid value",
            };
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [match.Groups["name"].Value] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
        };
    }

    // Only a 400 is a validation problem; a 413 or 415 gets its status's own title (RFC 9110's name) and no "errors".
    private static ProblemDetails StatusProblem(BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status400BadRequest => new HttpValidationProblemDetails { Status = bad.StatusCode, Detail = PublicMessage(bad) },
        StatusCodes.Status413PayloadTooLarge => new ProblemDetails { Status = bad.StatusCode, Title = "Content Too Large", Detail = PublicMessage(bad) },
        _ => new ProblemDetails { Status = bad.StatusCode, Detail = PublicMessage(bad) },
    };

    private static string PublicMessage(BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => bad.Message,
        StatusCodes.Status415UnsupportedMediaType => "The request body must be JSON (Content-Type: application/json).",
        _ when bad.Message == JsonFields.MissingBody => JsonFields.MissingBody,
        _ => "The request is not valid.",
    };
}
