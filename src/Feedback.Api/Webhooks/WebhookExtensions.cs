using Feedback.Api.Delivery;
using Feedback.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace Feedback.Api.Webhooks;

public static class WebhookExtensions
{
    /// <summary>
    /// Outbound webhooks: their options and the deliverer's HttpClient (Core's publisher queues the deliveries; the
    /// deliverer's settings and Quartz job are set up with the other workers' in <c>AddSurveyScheduling</c>).
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient<WebhookDeliverer>(WebhookDeliverer.HttpClientName)
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookHttp.CreateHandler(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks));
        services.AddScoped<DeliverWebhooksJob>();
        return services;
    }
}
