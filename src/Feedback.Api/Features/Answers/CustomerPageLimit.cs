using System.Threading.RateLimiting;
using Feedback.Api.Hosting.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Feedback.Api.Features.Answers;

/// <summary>
/// The customer pages' rate limit: <see cref="RateLimitOptions.PagePermits"/> requests per client IP per
/// <see cref="RateLimitOptions.PageWindow"/>, then a 429 page with <c>Retry-After</c> (customers get a page, not JSON).
/// </summary>
public sealed class CustomerPageLimit(IOptions<RateLimitOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "customer-pages";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (rejected, _) => RejectAsync(rejected);

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(RateLimits.ClientIp(httpContext), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PagePermits,
            Window = options.Value.PageWindow,
        });

    private async ValueTask RejectAsync(OnRejectedContext rejected)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Value.PageWindow;
        context.Response.Headers.RetryAfter = RateLimits.RetryAfterSeconds(retryAfter);
        var page = HtmlPage.Render(StatusCodes.Status429TooManyRequests, "en", "Too many requests",
            "<h1>Too many requests</h1>\n<p>Please try again in a minute.</p>");
        await page.ExecuteAsync(context);
    }
}
