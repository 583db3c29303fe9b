using Feedback.Api.Features.Subscriptions;
using Feedback.Api.Features.ProviderEvents;
using Feedback.Core.Delivery;
using Feedback.Core.Webhooks;
using Microsoft.Extensions.Options;
using Quartz;

namespace Feedback.Api.Hosting.Jobs;

public static class DeliveryExtensions
{
    /// <summary>
    /// The settings of Core's two outbox workers (survey dispatcher, webhook deliverer) from the options, public URLs for
    /// the e-mails, and the Quartz jobs that drive the workers and housekeeping (unless <c>Feedback:Scheduling:Enabled</c>
    /// is false).
    /// </summary>
    public static IServiceCollection AddSurveyScheduling(this IServiceCollection services)
    {
        services.AddOptions<DispatchOptions>()
            .BindConfiguration(DispatchOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<DispatchOptions>>().Value;
            var devMailbox = sp.GetRequiredService<IDevMailbox>();
            return new DispatchSettings
            {
                BatchSize = o.BatchSize, Lease = o.Lease, MaxAttempts = o.MaxAttempts,
                // The dev mailbox stores a mail and answers in one step: a send there is never in doubt.
                ConfirmWindow = devMailbox.InUse ? null : o.ConfirmWindow,
                Jitter = o.NewJitter(),
            };
        });
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<WebhookOptions>>().Value;
            var jitter = sp.GetRequiredService<IOptions<DispatchOptions>>().Value.NewJitter();
            return new WebhookSettings { BatchSize = o.BatchSize, Lease = o.Lease, MaxAttempts = o.MaxAttempts, Jitter = jitter };
        });
        services.AddSingleton<IPublicUrls, PublicUrls>();
        return services.AddJobs();
    }

    private static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddScoped<DispatchDueSurveysJob>();
        services.AddScoped<SendRemindersJob>();
        services.AddScoped<ExpireAndPurgeJob>();
        services.AddScoped<DeliverWebhooksJob>();
        services.AddScoped<MarkOverdueFollowUpsJob>();
        services.AddQuartz(q =>
        {
            Every<DispatchDueSurveysJob>(q, sp => Dispatch(sp).PollInterval);
            Every<SendRemindersJob>(q, sp => Dispatch(sp).PollInterval);
            Every<ExpireAndPurgeJob>(q, sp => Dispatch(sp).HousekeepingInterval);
            Every<MarkOverdueFollowUpsJob>(q, sp => Dispatch(sp).HousekeepingInterval);
            Every<DeliverWebhooksJob>(q, sp => sp.GetRequiredService<IOptions<WebhookOptions>>().Value.PollInterval);
        });
        services.AddOptions<SchedulingOptions>()
            .BindConfiguration(SchedulingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        // Switched off, the scheduler is still built with every job and trigger, and only never started.
        services.AddOptions<QuartzHostedServiceOptions>()
            .Configure<IOptions<SchedulingOptions>>((o, scheduling) => o.AutoStart = scheduling.Value.Enabled);
        return services;
    }

    // The trigger is built with the scheduler, at start, from options that start-up validation has already checked.
    private static void Every<TJob>(IQuartzBuilder quartz, Func<IServiceProvider, TimeSpan> interval) where TJob : IJob
    {
        var key = new JobKey(typeof(TJob).Name);
        quartz.AddJob<TJob>(j => j.WithIdentity(key));
        quartz.AddTrigger((sp, t) => t.ForJob(key).WithIdentity($"{key.Name}.trigger")
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(interval(sp)).RepeatForever()));
    }

    private static DispatchOptions Dispatch(IServiceProvider services) => services.GetRequiredService<IOptions<DispatchOptions>>().Value;
}
