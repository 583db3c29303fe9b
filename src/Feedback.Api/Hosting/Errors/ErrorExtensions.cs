using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Feedback.Api.Hosting.OpenApi;
using Feedback.Api.Hosting;
using Feedback.Api.Features.Operations;
using Feedback.Api.Hosting.Telemetry;

namespace Feedback.Api.Hosting.Errors;

public static class ErrorExtensions
{
    /// <summary>Every error is RFC 9457 Problem Details: binding failures, status codes without a body, and exceptions.</summary>
    public static IServiceCollection AddFeedbackErrors(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Extensions.Remove("exception");
            c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<StorageUnavailableHandler>();
        // Binding failures throw so BadRequestExceptionHandler can name the offending field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseFeedbackErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(RejectOversizedBodies);
        return app;
    }

    // Answers early when Content-Length already says too much; otherwise the server enforces the limit while the body is read.
    // Set per request (not on KestrelServerOptions) so the options are only read once start-up has validated them.
    private static Task RejectOversizedBodies(HttpContext context, Func<Task> next)
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<FeedbackOptions>>().Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        return next();
    }
}
