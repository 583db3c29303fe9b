using Feedback.Api.Delivery;
using Feedback.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace Feedback.Api.Webhooks;

public static class WebhookExtensions
{
    /// <summary>
    /// Outbound webhooks: the deliverer's settings and its HttpClient (Core's publisher queues the deliveries; the
    /// deliverer's Quartz job is scheduled with the others in <c>AddSurveyScheduling</c>).
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
        services.AddHttpClient<WebhookDeliverer>(WebhookDeliverer.HttpClientName)
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookHttp.CreateHandler(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks));
        services.AddScoped<DeliverWebhooksJob>();
        return services;
    }
}
