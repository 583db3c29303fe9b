using Feedback.Core.Scoring;

namespace Feedback.Core.Tests.Scoring;

public sealed class ScoreComparisonTests
{
    private static ScoreChange Nps(long[] now, long[] before) => ScoreComparison.Compare(ScoreMath.Nps(now), ScoreMath.Nps(before));

    private static ScoreChange Csat(long[] now, long[] before) => ScoreComparison.Compare(ScoreMath.Csat(now), ScoreMath.Csat(before));

    private static ScoreChange Ces(long[] now, long[] before) => ScoreComparison.Compare(ScoreMath.Ces(now), ScoreMath.Ces(before));

    [Fact]
    public void NpsRiseOf60PointsOnHundredsIsSignificant()
    {
        // 40 vs −20: variances 6400 and 7600 per answer, z = 60 / √140 = 5.07.
        var change = Nps(Hist.Of((10, 60), (8, 20), (3, 20)), Hist.Of((10, 30), (8, 20), (3, 50)));

        Assert.Equal(60, change.Change!.Value, 1e-9);
        Assert.True(change.Significant);
    }

    [Fact]
    public void NpsRiseOf20PointsOnTenAnswersIsNotSignificant()
    {
        // 40 vs 20: z = 20 / √(640 + 760) = 0.53.
        var change = Nps(Hist.Of((10, 6), (8, 2), (3, 2)), Hist.Of((10, 5), (8, 2), (3, 3)));

        Assert.Equal(20, change.Change!.Value, 1e-9);
        Assert.False(change.Significant);
    }

    [Fact]
    public void NpsOfPeriodsWithoutSpreadIsTestedOnThePooledSpread()
    {
        // One promoter vs one detractor: pooled z = 200 / 141 = 1.41; fifty of each: z = 14.1.
        Assert.False(Nps(Hist.Of((10, 1)), Hist.Of((0, 1))).Significant);
        Assert.True(Nps(Hist.Of((10, 50)), Hist.Of((0, 50))).Significant);
        Assert.False(Nps(Hist.Of((10, 50)), Hist.Of((9, 50))).Significant);
    }

    [Fact]
    public void CsatUsesTheTwoProportionZTest()
    {
        // 80 % vs 70 % of 100: pooled 0.75, z = 10 / 6.12 = 1.63; 90 % vs 70 %: pooled 0.8, z = 20 / 5.66 = 3.54.
        var small = Csat(Hist.Of((5, 80), (2, 20)), Hist.Of((4, 70), (1, 30)));
        var large = Csat(Hist.Of((5, 90), (2, 10)), Hist.Of((4, 70), (1, 30)));

        Assert.Equal(10, small.Change!.Value, 1e-9);
        Assert.False(small.Significant);
        Assert.Equal(20, large.Change!.Value, 1e-9);
        Assert.True(large.Significant);
    }

    [Fact]
    public void CesUsesWelchsT()
    {
        // Means 6 and 2 with s² = 1 and 1 on 3 answers each: t = 4 / √(2/3) = 4.90 > t(0.975, 4) = 2.78.
        var clear = Ces(Hist.Of((5, 1), (6, 1), (7, 1)), Hist.Of((1, 1), (2, 1), (3, 1)));
        // Means 4 and 3 with s² = 3 and 1: t = 1 / √(4/3) = 0.87.
        var unclear = Ces(Hist.Of((2, 1), (4, 1), (6, 1)), Hist.Of((2, 1), (3, 1), (4, 1)));

        Assert.Equal(4, clear.Change!.Value, 1e-9);
        Assert.True(clear.Significant);
        Assert.Equal(1, unclear.Change!.Value, 1e-9);
        Assert.False(unclear.Significant);
    }

    [Fact]
    public void CesOfConstantPeriodsUsesTheirCombinedSpread()
    {
        Assert.True(Ces(Hist.Of((7, 20)), Hist.Of((1, 20))).Significant);
        Assert.False(Ces(Hist.Of((5, 3)), Hist.Of((5, 4))).Significant);
    }

    [Fact]
    public void NothingIsTestedWhenAPeriodHasNoScore()
    {
        Assert.Equal(new ScoreChange(null, null), Nps(Hist.Of((10, 5)), new long[11]));
        Assert.Equal(new ScoreChange(null, null), Csat(new long[11], Hist.Of((5, 5))));
    }

    [Fact]
    public void CesWithOneAnswerHasAChangeButNoTest()
    {
        var change = Ces(Hist.Of((6, 1)), Hist.Of((2, 1), (4, 1)));

        Assert.Equal(3, change.Change!.Value, 1e-9);
        Assert.Null(change.Significant);
    }
}
