namespace Feedback.Api.Hosting.Security;

public static class SecurityHeaders
{
    /// <summary>
    /// <c>X-Content-Type-Options: nosniff</c> on every response, errors included (set when the response starts, so the
    /// exception handler clearing headers cannot drop it). The customer pages add their CSP and referrer policy themselves.
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>
    /// ASP.NET Core's request logs print the full URL, and the customer pages carry their token in it: the hosting
    /// category is off (it also opens the request's log scope, whose RequestPath quotes the token; RequestLogScope
    /// opens a redacted one instead), and routing logs warnings only (its debug lines quote the path; its per-request
    /// information lines are noise at the default Warning level, and a category filter here would otherwise turn them on).
    /// </summary>
    public static WebApplicationBuilder AddTokenSafeLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Warning);
        builder.Services.AddTransient<IStartupFilter, RequestLogScope.StartupFilter>();
        return builder;
    }
}
