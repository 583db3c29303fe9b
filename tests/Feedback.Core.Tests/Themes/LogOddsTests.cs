using Feedback.Core.Themes;

namespace Feedback.Core.Tests.Themes;

public class LogOddsTests
{
    // By hand: prior α = 6 + 2 = 8, α₀ = 20 + 30 = 50.
    // δ = ln(14 / 56) − ln(10 / 70) = −1.386294 + 1.945910 = 0.559616; σ² = 1/14 + 1/10 = 0.171429; z = 0.559616 / 0.414039.
    [Fact]
    public void ZMatchesAHandComputedExample()
    {
        Assert.Equal(1.351601, LogOdds.Z(segmentCount: 6, segmentTotal: 20, otherCount: 2, otherTotal: 30), precision: 5);
    }

    [Fact]
    public void ZIsZeroWhenBothGroupsUseATermAtTheSameRate()
    {
        Assert.Equal(0, LogOdds.Z(10, 100, 30, 300), precision: 10);
    }

    [Fact]
    public void ZIsNegativeWhenTheOtherGroupUsesTheTermMore()
    {
        Assert.True(LogOdds.Z(2, 100, 30, 300) < 0);
    }

    [Fact]
    public void TheSameShareIsSurerWithMoreComments()
    {
        Assert.True(LogOdds.Z(60, 1000, 20, 1000) > LogOdds.Z(6, 100, 2, 100));
    }
}
