using Feedback.Api.Features.Answers;
using Feedback.Api.Hosting.Auth;
using Feedback.Api.Hosting.Demo;
using Feedback.Api.Hosting.Errors;
using Feedback.Api.Hosting.Jobs;
using Feedback.Api.Hosting.OpenApi;
using Feedback.Api.Hosting.Security;
using Feedback.Api.Hosting.Telemetry;

namespace Feedback.Api.Hosting;

public static class HostingExtensions
{
    /// <summary>
    /// What the HTTP host adds around Core and the adapters: JSON and token-safe logging, API-key auth, rate limits,
    /// Problem Details, the OpenAPI document, the Quartz jobs, outbound webhook HTTP, the customer pages' limits,
    /// telemetry, and the demo data switch.
    /// </summary>
    public static WebApplicationBuilder AddFeedbackHosting(this WebApplicationBuilder builder, string[] args)
    {
        builder.AddFeedbackHost();
        builder.AddTokenSafeLogging();
        builder.Services.AddApiKeyAuth();
        builder.Services.AddFeedbackRateLimits();
        // After storage: the seeder is a hosted service that must start once the schema exists.
        builder.AddDemoData(args);
        builder.Services.AddFeedbackErrors();
        builder.Services.AddFeedbackOpenApi();
        builder.Services.AddSurveyScheduling();
        builder.Services.AddWebhooks();
        builder.Services.AddAnswerPages();
        builder.Services.AddFeedbackTelemetry(builder.Configuration);
        return builder;
    }
}
