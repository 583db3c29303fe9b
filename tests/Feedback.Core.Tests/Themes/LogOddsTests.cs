using Feedback.Core.Themes;

namespace Feedback.Core.Tests.Themes;

public class LogOddsTests
{
    // By hand, with a prior of α = 8, α₀ = 50:
    // δ = ln(14 / 56) − ln(10 / 70) = −1.386294 + 1.945910 = 0.559616; σ² = 1/14 + 1/10 = 0.171429; z = 0.559616 / 0.414039.
    [Fact]
    public void ZMatchesAHandComputedExample()
    {
        Assert.Equal(1.351601, LogOdds.Z(segmentCount: 6, segmentTotal: 20, otherCount: 2, otherTotal: 30, prior: 8, priorTotal: 50), precision: 5);
    }

    // The pooled prior is a tenth of the counts: α = 0.1 · (6 + 2) = 0.8, α₀ = 0.1 · (20 + 30) = 5.
    // δ = ln(6.8 / 18.2) − ln(2.8 / 32.2) = −0.984499 + 2.442347 = 1.457848; σ² = 1/6.8 + 1/2.8 = 0.504202; z = 1.457848 / 0.710072.
    [Fact]
    public void ThePriorIsATenthOfThePooledCounts()
    {
        Assert.Equal(2.053100, LogOdds.Z(segmentCount: 6, segmentTotal: 20, otherCount: 2, otherTotal: 30), precision: 5);
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
