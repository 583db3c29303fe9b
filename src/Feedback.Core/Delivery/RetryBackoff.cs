namespace Feedback.Core.Delivery;

/// <summary>When a transiently failed send is tried again: the provider's Retry-After, else exponential backoff with jitter.</summary>
public static class RetryBackoff
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    /// <param name="attempts">Attempts made so far, this one included (1 for the first failure).</param>
    /// <param name="jitter">A value in [0, 1) that spreads replicas' retries apart.</param>
    public static TimeSpan Delay(int attempts, TimeSpan? retryAfter, double jitter)
    {
        if (retryAfter is { } wanted && wanted > TimeSpan.Zero)
        {
            return wanted < Longest ? wanted : Longest;
        }
        var exponent = Math.Min(attempts - 1, 10);
        var delay = First * Math.Pow(2, exponent);
        if (delay > Longest)
        {
            delay = Longest;
        }
        return delay * (0.5 + jitter / 2);
    }
}
