using Feedback.Core.Scheduling;

namespace Feedback.Core.Tests.Scheduling;

public sealed class SamplingTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void ShareSampledInIsCloseToTheRateOverTenThousandCustomers(double rate)
    {
        var sampledIn = Enumerable.Range(0, 10_000).Count(i => Sampling.IsSampledIn($"c-{i}", $"ticket-{i * 7}", rate));

        // Binomial standard deviation at n = 10 000 is at most 50; allow four of them.
        Assert.InRange(sampledIn, rate * 10_000 - 200, rate * 10_000 + 200);
    }

    [Fact]
    public void SameCustomerAndSubjectAlwaysGetTheSameDecision()
    {
        var first = Enumerable.Range(0, 500).Select(i => Sampling.IsSampledIn($"c-{i}", "ticket-1", 0.5)).ToList();
        var second = Enumerable.Range(0, 500).Select(i => Sampling.IsSampledIn($"c-{i}", "ticket-1", 0.5)).ToList();

        Assert.Equal(first, second);
        Assert.Contains(true, first);
        Assert.Contains(false, first);
    }

    [Fact]
    public void RateOneTakesEveryoneAndRateZeroNobody()
    {
        Assert.All(Enumerable.Range(0, 1000), i => Assert.True(Sampling.IsSampledIn($"c-{i}", "s", 1.0)));
        Assert.All(Enumerable.Range(0, 1000), i => Assert.False(Sampling.IsSampledIn($"c-{i}", "s", 0.0)));
    }
}
