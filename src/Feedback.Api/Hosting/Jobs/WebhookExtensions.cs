using Feedback.Core.Webhooks;
using Microsoft.Extensions.Options;
using Feedback.Api.Features.Subscriptions;
using Feedback.Api.Features.ProviderEvents;

namespace Feedback.Api.Hosting.Jobs;

public static class WebhookExtensions
{
    /// <summary>
    /// Outbound webhooks: their options and the deliverer's HttpClient, which guards against private networks (Core's
    /// publisher queues the deliveries; the deliverer's settings and Quartz job are the Delivery folder's, with the other
    /// outbox worker's).
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient<WebhookDeliverer>(WebhookDeliverer.HttpClientName)
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookHttp.CreateHandler(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks))
            .RemoveAllLoggers();
        return services;
    }
}
