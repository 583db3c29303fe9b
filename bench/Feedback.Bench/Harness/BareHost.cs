using System.Text.Json;
using Feedback.Api.Features.Events;
using Feedback.Api.Hosting.Errors;
using Feedback.Api.Hosting.OpenApi;
using Feedback.Api.Hosting;
using Feedback.Api.Features.Operations;
using Feedback.Api.Hosting.Telemetry;

namespace Feedback.Bench.Harness;

/// <summary>A bare Kestrel minimal-API app on a loopback port: the ingest baseline and the SendGrid sink.</summary>
public sealed class BareHost(WebApplication app) : IAsyncDisposable
{
    public Uri BaseAddress { get; } = new(app.Urls.First());

    /// <summary>Reads the same event JSON as the service does (same options, same type, same body binding) and answers 202 without storing.</summary>
    public static Task<BareHost> BaselineAsync() => StartAsync(app =>
    {
        app.MapPost("/v1/events", (JsonBody<EventRequest> request) => Results.Accepted());
        app.MapPost("/v1/events/batch", (JsonBody<EventBatchRequest> request) => Results.Accepted());
    });

    /// <summary>SendGrid's <c>POST /v3/mail/send</c>: counts requests and recipients, answers 202 after <paramref name="latency"/>.</summary>
    public static Task<BareHost> SendGridSinkAsync(SinkCounts counts, TimeSpan latency) => StartAsync(app =>
        app.MapPost("/v3/mail/send", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            Interlocked.Increment(ref counts.Requests);
            Interlocked.Add(ref counts.Recipients, body.RootElement.GetProperty("personalizations").GetArrayLength());
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency);
            }
            return Results.StatusCode(StatusCodes.Status202Accepted);
        }));

    private static async Task<BareHost> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.ConfigureHttpJsonOptions(o => HostExtensions.ConfigureJson(o.SerializerOptions));
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new BareHost(app);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

public sealed class SinkCounts
{
    public long Requests;
    public long Recipients;
}
