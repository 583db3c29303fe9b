using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Feedback.Api.Hosting.Security;

/// <summary>
/// Counts 401s per client IP on routes that need an API key; once an IP has used up its failures for the window, those
/// routes answer it 429 (without checking the key) until the window ends. Runs before authentication.
/// </summary>
public sealed class AuthFailureLimiter(IOptions<RateLimitOptions> options) : IMiddleware, IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(ip =>
        RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.AuthFailurePermits,
            Window = options.Value.AuthFailureWindow,
        }));

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!NeedsApiKey(context.GetEndpoint()))
        {
            await next(context);
            return;
        }
        var ip = RateLimits.ClientIp(context);
        // Zero permits asks "any failures left?" without using one.
        using (var left = _failures.AttemptAcquire(ip, 0))
        {
            if (!left.IsAcquired)
            {
                await RateLimits.RejectAsync(context, options.Value.AuthFailureWindow, "Too many requests with a missing or wrong API key from this address.");
                return;
            }
        }
        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status401Unauthorized)
        {
            _failures.AttemptAcquire(ip).Dispose();
        }
    }

    public void Dispose() => _failures.Dispose();

    private static bool NeedsApiKey(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<IAuthorizeData>() is not null && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
}
