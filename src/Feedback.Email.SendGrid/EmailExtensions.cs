using Feedback.Core.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Feedback.Email.SendGrid;

public static class EmailExtensions
{
    /// <summary>
    /// Registers <see cref="IEmailSender"/>: SendGrid when <c>Feedback:SendGrid:ApiKey</c> is set, else the dev mailbox;
    /// options from <see cref="SendGridOptions.SectionName"/> and <see cref="EmailOptions.SectionName"/>, validated on
    /// start. <see cref="DevMailbox"/> is always registered as <see cref="IDevMailbox"/> (empty when SendGrid sends), so
    /// the dev mailbox endpoints and erasure can depend on it in every configuration; so is the Event Webhook's
    /// <see cref="SendGridSignature"/>.
    /// </summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SendGridOptions>()
            .Bind(configuration.GetSection(SendGridOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // No resilience handler on this client on purpose: retries belong to the outbox (see SendGridEmailSender).
        services.AddHttpClient(SendGridEmailSender.HttpClientName, (sp, http) => http.Timeout = sp.GetRequiredService<IOptions<SendGridOptions>>().Value.Timeout);
        services.AddSingleton<SendGridEmailSender>();
        services.AddSingleton<DevMailbox>();
        services.AddSingleton<IDevMailbox>(sp => sp.GetRequiredService<DevMailbox>());
        services.AddSingleton<DevMailboxSender>();
        // Chosen when first resolved rather than now, so configuration added after this call (test hosts) still counts.
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<SendGridOptions>>().Value.IsConfigured
            ? sp.GetRequiredService<SendGridEmailSender>()
            : sp.GetRequiredService<DevMailboxSender>());
        services.AddSingleton<SendGridSignature>();
        return services;
    }
}
