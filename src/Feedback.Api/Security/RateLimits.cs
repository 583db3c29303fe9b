using System.Globalization;
using System.Threading.RateLimiting;
using Feedback.Api.Answers;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Feedback.Api.Security;

/// <summary>Rate limits per client IP: the customer pages (ASP.NET Core's limiter) and failed API-key checks (<see cref="AuthFailureLimiter"/>).</summary>
public static class RateLimits
{
    public const string CustomerPages = "customer-pages";

    public static IServiceCollection AddFeedbackRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AuthFailureLimiter>();
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(CustomerPages, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(ClientIp(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PagePermits,
                    Window = limits.PageWindow,
                });
            });
            o.OnRejected = (rejected, _) => RejectPageAsync(rejected);
        });
        return services;
    }

    /// <summary>After routing and errors, before authentication (so a flood of wrong keys is not even looked up).</summary>
    public static WebApplication UseFeedbackRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseMiddleware<AuthFailureLimiter>();
        return app;
    }

    /// <summary>Behind a proxy this is the proxy unless forwarded headers are enabled (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>).</summary>
    public static string ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>A 429 Problem Details with <c>Retry-After</c> in whole seconds.</summary>
    public static async Task RejectAsync(HttpContext context, TimeSpan retryAfter, string detail)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Seconds(retryAfter);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = detail },
        });
    }

    // Customers get a page, not JSON.
    private static async ValueTask RejectPageAsync(OnRejectedContext rejected)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? wait
            : context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.PageWindow;
        context.Response.Headers.RetryAfter = Seconds(retryAfter);
        var page = HtmlPage.Render(StatusCodes.Status429TooManyRequests, "en", "Too many requests",
            "<h1>Too many requests</h1>\n<p>Please try again in a minute.</p>");
        await page.ExecuteAsync(context);
    }

    private static string Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
