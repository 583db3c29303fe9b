using System.ComponentModel.DataAnnotations;

namespace Feedback.Api.Hosting.Security;

/// <summary>
/// Section <c>Feedback:RateLimits</c>: per client IP, how many customer-page requests and how many failed API-key
/// checks (401) are allowed per fixed window before the answer is 429. Generous, so only floods and key guessing hit them.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Feedback:RateLimits";

    [Range(1, 1_000_000, ErrorMessage = "Feedback:RateLimits:PagePermits must be between 1 and 1000000")]
    public int PagePermits { get; set; } = 300;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Feedback:RateLimits:PageWindow must be between 00:00:01 and 1.00:00:00")]
    public TimeSpan PageWindow { get; set; } = TimeSpan.FromMinutes(1);

    [Range(1, 1_000_000, ErrorMessage = "Feedback:RateLimits:AuthFailurePermits must be between 1 and 1000000")]
    public int AuthFailurePermits { get; set; } = 100;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Feedback:RateLimits:AuthFailureWindow must be between 00:00:01 and 1.00:00:00")]
    public TimeSpan AuthFailureWindow { get; set; } = TimeSpan.FromMinutes(1);
}
