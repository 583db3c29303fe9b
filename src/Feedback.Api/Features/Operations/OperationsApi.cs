using Feedback.Api.Hosting.Storage;
using Feedback.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Feedback.Api.Hosting.OpenApi;
using Feedback.Api.Hosting;
using Feedback.Api.Hosting.Telemetry;

namespace Feedback.Api.Features.Operations;

public static class OperationsApi
{
    public static WebApplication MapOperationsApi(this WebApplication app)
    {
        app.MapGet("/healthz", Live)
            .WithName("getLiveness")
            .WithSummary("Liveness: the process answers.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithTags("Operations");

        app.MapGet("/readyz", ReadyAsync)
            .WithName("getReadiness")
            .WithSummary("Readiness: the store answers.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithTags("Operations");

        app.MapOpenApi()
            .ExcludeFromDescription();

        app.MapPrometheusScrapingEndpoint("/metrics");

        app.MapGet("/", () => TypedResults.Redirect("/swagger"))
            .ExcludeFromDescription();

        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "Feedback API v1");
            o.RoutePrefix = "swagger";
            o.DocumentTitle = "Feedback API";
        });
        return app;
    }

    private static Ok<HealthStatus> Live() => TypedResults.Ok(new HealthStatus("ok"));

    private static async Task<Results<Ok<HealthStatus>, ProblemHttpResult>> ReadyAsync(
        IStorageLifecycle storage, StorageHealth health, HttpResponse response, ILoggerFactory loggers, CancellationToken ct)
    {
        try
        {
            await storage.PingAsync(ct);
            // Reads may still work on a full or read-only disk; the last refused write tells.
            if (health.Current is { } fault)
            {
                response.Headers.RetryAfter = StorageHealth.RetryAfterHeader;
                return TypedResults.Problem(title: "Not ready", statusCode: StatusCodes.Status503ServiceUnavailable,
                    detail: $"The store refused a request at {fault.At:O} ({StorageHealth.Name(fault.Kind)}): {fault.Reason}");
            }
            return TypedResults.Ok(new HealthStatus("ready"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            loggers.CreateLogger("Feedback.Readiness").LogWarning(e, "Readiness check failed: storage is unreachable");
            return TypedResults.Problem(title: "Not ready", detail: "The store is unreachable.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

public sealed record HealthStatus(string Status);
