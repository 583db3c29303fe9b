using Feedback.Core.Delivery;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Feedback.Api.Hosting.OpenApi;
using Feedback.Api.Hosting;
using Feedback.Api.Features.Operations;

namespace Feedback.Api.Hosting.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>
    /// OpenTelemetry metrics (HTTP server and client, and the service's own meter) scraped at <c>/metrics</c>, and
    /// traces of ingest and dispatch; both also go over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    public static IServiceCollection AddFeedbackTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("feedback"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(DeliveryMetrics.MeterName)
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = http => !http.Request.Path.StartsWithSegments("/metrics");
                    o.EnrichWithHttpRequest = RedactToken;
                })
                .AddHttpClientInstrumentation()
                .AddSource(DeliveryMetrics.MeterName));
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }
        return services;
    }

    // The customer pages carry their token (the only credential) in the path: spans keep the route instead.
    private static void RedactToken(System.Diagnostics.Activity activity, HttpRequest request)
    {
        foreach (var page in (string[])["/s", "/u"])
        {
            if (request.Path.StartsWithSegments(page))
            {
                activity.SetTag("url.path", page + "/{token}");
            }
        }
    }
}
