using Feedback.Api.Operations;
using Feedback.Core.Delivery;
using Feedback.Core.Scheduling;
using Feedback.Email.SendGrid;
using Microsoft.Extensions.Options;
using Quartz;

namespace Feedback.Api.Delivery;

public static class DeliveryExtensions
{
    /// <summary>The scheduler (events → surveys), the dispatcher and housekeeping, and the Quartz jobs that drive them.</summary>
    public static IServiceCollection AddSurveyScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DispatchOptions>()
            .BindConfiguration(DispatchOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<DispatchOptions>>().Value;
            var sendGrid = sp.GetRequiredService<IOptions<SendGridOptions>>().Value;
            return new DispatchSettings
            {
                BatchSize = o.BatchSize, Lease = o.Lease, MaxAttempts = o.MaxAttempts,
                // The dev mailbox stores a mail and answers in one step: a send there is never in doubt.
                ConfirmWindow = sendGrid.IsConfigured ? o.ConfirmWindow : null,
                Jitter = o.JitterSeed is { } seed ? new Random(seed) : Random.Shared,
            };
        });
        services.AddSingleton<IPublicUrls, PublicUrls>();
        services.AddSingleton<DeliveryMetrics>();
        services.AddSingleton<SurveyScheduler>();
        services.AddSingleton<Core.Templates.TemplateService>();
        services.AddSingleton<Core.Scoring.ScoreService>();
        services.AddSingleton<SurveyDispatcher>();
        services.AddSingleton<SendConfirmation>();
        services.AddSingleton<SurveyHousekeeping>();
        services.AddSingleton<Webhooks.SendGridSignature>();
        services.AddScoped<DispatchDueSurveysJob>();
        services.AddScoped<SendRemindersJob>();
        services.AddScoped<ExpireAndPurgeJob>();

        var options = ConfigurationErrors.Peek<DispatchOptions>(configuration, DispatchOptions.SectionName);
        var webhooks = ConfigurationErrors.Peek<Webhooks.WebhookOptions>(configuration, Webhooks.WebhookOptions.SectionName);
        services.AddQuartz(q =>
        {
            Every<DispatchDueSurveysJob>(q, options.PollInterval);
            Every<SendRemindersJob>(q, options.PollInterval);
            Every<ExpireAndPurgeJob>(q, options.HousekeepingInterval);
            Every<DeliverWebhooksJob>(q, webhooks.PollInterval);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    private static void Every<TJob>(IQuartzBuilder quartz, TimeSpan interval) where TJob : IJob
    {
        var key = new JobKey(typeof(TJob).Name);
        quartz.AddJob<TJob>(j => j.WithIdentity(key));
        quartz.AddTrigger(t => t.ForJob(key).WithIdentity($"{key.Name}.trigger")
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(interval > TimeSpan.Zero ? interval : TimeSpan.FromSeconds(5)).RepeatForever()));
    }
}
