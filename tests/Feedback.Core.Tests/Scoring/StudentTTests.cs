using Feedback.Core.Scoring;

namespace Feedback.Core.Tests.Scoring;

public sealed class StudentTTests
{
    [Theory]
    [InlineData(1, 12.706)]
    [InlineData(2, 4.303)]
    [InlineData(3, 3.182)]
    [InlineData(4, 2.776)]
    [InlineData(5, 2.571)]
    [InlineData(10, 2.228)]
    [InlineData(29, 2.045)]
    [InlineData(30, 2.042)]
    [InlineData(120, 1.980)]
    [InlineData(1000, 1.962)]
    [InlineData(1001, 1.962)]
    [InlineData(double.PositiveInfinity, 1.960)]
    public void QuantileMatchesTheTable(double df, double expected)
    {
        Assert.Equal(expected, StudentT.Quantile975(df), 0.001);
    }

    [Fact]
    public void FractionalDegreesOfFreedomRoundDown()
    {
        Assert.Equal(StudentT.Quantile975(4), StudentT.Quantile975(4.9), 1e-12);
    }

    [Fact]
    public void CentralProbabilityOfTheQuantileIsNinetyFivePercent()
    {
        Assert.Equal(0.95, StudentT.CentralProbability(12.7062, 1), 1e-5);
        Assert.Equal(0.95, StudentT.CentralProbability(2.0423, 30), 1e-5);
        Assert.Equal(0.95, StudentT.CentralProbability(2.0452, 29), 1e-5);
    }

    [Fact]
    public void LessThanOneDegreeOfFreedomIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile975(0));
    }
}
