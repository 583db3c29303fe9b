using Feedback.Api.Delivery;
using Feedback.Core.Delivery;
using Feedback.Core.Responses;
using Feedback.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace Feedback.Api.Webhooks;

public static class WebhookExtensions
{
    /// <summary>
    /// Outbound webhooks: the publisher that queues deliveries when answers are stored and surveys fail, and the deliverer
    /// (its Quartz job is scheduled with the others in <c>AddSurveyScheduling</c>). The client's own request logs are
    /// off: they print the full URL and a stack trace per failed attempt, where the deliverer logs one line.
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<WebhookOptions>>().Value;
            return new WebhookSettings { BatchSize = o.BatchSize, Lease = o.Lease, MaxAttempts = o.MaxAttempts };
        });
        services.AddSingleton<WebhookMetrics>();
        services.AddSingleton<WebhookPublisher>();
        services.AddSingleton<IResponseListener>(sp => sp.GetRequiredService<WebhookPublisher>());
        services.AddSingleton<ISurveyFailureListener>(sp => sp.GetRequiredService<WebhookPublisher>());
        services.AddHttpClient<WebhookDeliverer>(WebhookDeliverer.HttpClientName)
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookHttp.CreateHandler(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks))
            .RemoveAllLoggers();
        services.AddScoped<DeliverWebhooksJob>();
        return services;
    }
}
