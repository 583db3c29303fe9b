using System.Globalization;

namespace Feedback.Api.Hosting.Security;

/// <summary>
/// Rate limits per client IP: ASP.NET Core's limiter, whose policies the features that need one add (the customer pages),
/// and failed API-key checks (<see cref="AuthFailureLimiter"/>).
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddFeedbackRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AuthFailureLimiter>();
        services.AddRateLimiter(o => o.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
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
        context.Response.Headers.RetryAfter = RetryAfterSeconds(retryAfter);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = detail },
        });
    }

    /// <summary>A <c>Retry-After</c> value: whole seconds, at least one.</summary>
    public static string RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
