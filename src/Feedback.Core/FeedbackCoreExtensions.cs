using Feedback.Core.Auth;
using Feedback.Core.Delivery;
using Feedback.Core.FollowUps;
using Feedback.Core.Responses;
using Feedback.Core.Scheduling;
using Feedback.Core.Scoring;
using Feedback.Core.Templates;
using Feedback.Core.Themes;
using Feedback.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Feedback.Core;

public static class FeedbackCoreExtensions
{
    /// <summary>
    /// Registers Core's services and the clock they read. What Core only names comes from the host and the adapters: the
    /// storage ports, <see cref="IEmailSender"/>, <see cref="IPublicUrls"/>, <see cref="DispatchSettings"/> and
    /// <see cref="WebhookSettings"/> (built from the host's options), and <see cref="WebhookDeliverer"/> with its HttpClient.
    /// </summary>
    public static IServiceCollection AddFeedbackCore(this IServiceCollection services)
    {
        // Core reads the time for every rule it decides (send times, leases, expiry), so it brings the clock; a host or a
        // test that registers its own keeps it.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ISurveyEmailRenderer, SurveyEmailRenderer>();
        services.AddSingleton<EmailPreviewer>();
        services.AddSingleton<AnswerLinks>();
        services.AddSingleton<DeliveryMetrics>();
        services.AddSingleton<ActiveTemplates>();
        services.AddSingleton<TemplateVersions>();
        services.AddSingleton<VerifiedApiKeys>();
        services.AddSingleton<SurveyScheduler>();
        services.AddSingleton<TemplateService>();
        services.AddSingleton<ScoreService>();
        services.AddSingleton<ThemeService>();
        services.AddSingleton<SurveyDispatcher>();
        services.AddSingleton<SendConfirmation>();
        services.AddSingleton<SurveyHousekeeping>();
        services.AddSingleton<AnswerService>();
        services.AddSingleton<WebhookMetrics>();
        services.AddSingleton<WebhookSubscribers>();
        services.AddSingleton<WebhookPublisher>();
        services.AddSingleton<IResponseListener>(sp => sp.GetRequiredService<WebhookPublisher>());
        services.AddSingleton<ISurveyFailureListener>(sp => sp.GetRequiredService<WebhookPublisher>());
        services.AddSingleton<IResponseListener, ResponseMetrics>();
        services.AddSingleton<IFollowUpListener>(sp => sp.GetRequiredService<WebhookPublisher>());
        services.AddSingleton<FollowUpMetrics>();
        services.AddSingleton<IFollowUpListener>(sp => sp.GetRequiredService<FollowUpMetrics>());
        services.AddSingleton<FollowUpService>();
        return services;
    }
}
