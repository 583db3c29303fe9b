using Feedback.Core.Scoring;
using Feedback.Core.Templates;

namespace Feedback.Core.Tests.Scoring;

public sealed class ScoreMathTests
{
    [Fact]
    public void NpsCountsPromotersPassivesDetractorsWithTheNormalInterval()
    {
        // p = 0.6, d = 0.2: score 40; half-width 1.96·100·√((0.8 − 0.16)/10) = 49.584.
        var nps = ScoreMath.Nps(Hist.Of((10, 4), (9, 2), (8, 1), (7, 1), (6, 1), (0, 1)));

        Assert.Equal((10L, 6L, 2L, 2L), (nps.Responses, nps.Promoters, nps.Passives, nps.Detractors));
        Assert.Equal(40, nps.Score!.Value, 1e-9);
        Assert.Equal(-9.584, nps.Confidence95!.Low, 0.001);
        Assert.Equal(89.584, nps.Confidence95.High, 0.001);
        Assert.True(nps.IsSmallSample);
    }

    [Fact]
    public void NpsIs100WithNoSpreadWhenAllArePromoters()
    {
        var nps = ScoreMath.Nps(Hist.Of((9, 3), (10, 40)));

        Assert.Equal(100, nps.Score);
        Assert.Equal(new Interval(100, 100), nps.Confidence95);
        Assert.False(nps.IsSmallSample);
    }

    [Fact]
    public void NpsIsMinus100WhenAllAreDetractors()
    {
        var nps = ScoreMath.Nps(Hist.Of((0, 2), (6, 5)));

        Assert.Equal(-100, nps.Score);
        Assert.Equal(new Interval(-100, -100), nps.Confidence95);
    }

    [Fact]
    public void NpsOfOneAnswerIsThatAnswersClass()
    {
        var nps = ScoreMath.Nps(Hist.Of((8, 1)));

        Assert.Equal(0, nps.Score);
        Assert.Equal(new Interval(0, 0), nps.Confidence95);
        Assert.Equal(1, nps.Passives);
    }

    [Fact]
    public void NpsIntervalStaysWithinPlusMinus100()
    {
        // p = 0.95: 95 ± 9.55 would reach 104.55.
        var nps = ScoreMath.Nps(Hist.Of((10, 19), (8, 1)));

        Assert.Equal(95, nps.Score!.Value, 1e-9);
        Assert.Equal(85.448, nps.Confidence95!.Low, 0.001);
        Assert.Equal(100, nps.Confidence95.High);
    }

    [Theory]
    [InlineData(SurveyKind.Nps)]
    [InlineData(SurveyKind.Csat)]
    [InlineData(SurveyKind.Ces)]
    public void NoAnswersGiveNoScoreAndNoInterval(SurveyKind kind)
    {
        var summary = ScoreMath.Summarize(kind, new long[11]);

        Assert.Equal(0, summary.Responses);
        Assert.Null(summary.Score);
        Assert.Null(summary.Mean);
        Assert.Null(summary.Confidence95);
        Assert.True(summary.IsSmallSample);
    }

    [Fact]
    public void CsatIsTheShareOfFoursAndFivesWithTheWilsonInterval()
    {
        // 8 of 10: Wilson 95 % = [0.4902, 0.9433].
        var csat = ScoreMath.Csat(Hist.Of((5, 5), (4, 3), (3, 1), (1, 1)));

        Assert.Equal((10L, 8L), (csat.Responses, csat.Satisfied));
        Assert.Equal(80, csat.Score!.Value, 1e-9);
        Assert.Equal(49.016, csat.Confidence95!.Low, 0.001);
        Assert.Equal(94.332, csat.Confidence95.High, 0.001);
    }

    [Fact]
    public void CsatWilsonIntervalOfAllSatisfiedIsBelow100ButNot0()
    {
        // 1 of 1: Wilson = [0.2065, 1].
        var csat = ScoreMath.Csat(Hist.Of((5, 1)));

        Assert.Equal(100, csat.Score);
        Assert.Equal(20.655, csat.Confidence95!.Low, 0.001);
        Assert.Equal(100, csat.Confidence95.High, 1e-9);
    }

    [Fact]
    public void CesIsTheMeanWithTheStudentTInterval()
    {
        // 1..5: mean 3, s² = 2.5, t(0.975, 4) = 2.7764: 3 ± 2.7764·√(2.5/5) = 3 ± 1.9632.
        var ces = ScoreMath.Ces(Hist.Of((1, 1), (2, 1), (3, 1), (4, 1), (5, 1)));

        Assert.Equal(5, ces.Responses);
        Assert.Equal(3, ces.Mean!.Value, 1e-9);
        Assert.Equal(ces.Mean, ces.Score);
        Assert.Equal(2.5, ces.Variance!.Value, 1e-9);
        Assert.Equal(1.0368, ces.Confidence95!.Low, 0.001);
        Assert.Equal(4.9632, ces.Confidence95.High, 0.001);
    }

    [Fact]
    public void CesOfOneAnswerHasNoInterval()
    {
        var ces = ScoreMath.Ces(Hist.Of((6, 1)));

        Assert.Equal(6, ces.Mean);
        Assert.Null(ces.Confidence95);
    }

    [Fact]
    public void CesIgnoresCountsOutsideOneToSeven()
    {
        var ces = ScoreMath.Ces(Hist.Of((0, 5), (7, 2), (10, 5)));

        Assert.Equal(2, ces.Responses);
        Assert.Equal(new Interval(7, 7), ces.Confidence95);
    }
}
