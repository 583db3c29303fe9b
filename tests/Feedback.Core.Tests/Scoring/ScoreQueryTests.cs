using Feedback.Core.Scoring;
using Feedback.Core.Templates;

namespace Feedback.Core.Tests.Scoring;

public sealed class ScoreQueryTests
{
    private static ScoreQuery Query(string? groupBy = null, params (string Name, string Value)[] filters) => new(
        SurveyKind.Nps, null, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 17), SeriesInterval.Day, groupBy, 10,
        CompareToPrevious: true, filters.ToDictionary(f => f.Name, f => f.Value));

    [Fact]
    public void ThePreviousPeriodHasTheSameLengthAndEndsWhereThisOneStarts()
    {
        var previous = Query("category").Previous();

        Assert.Equal(new DateOnly(2026, 3, 3), previous.From);
        Assert.Equal(new DateOnly(2026, 3, 10), previous.To);
        Assert.Null(previous.Interval);
        Assert.Null(previous.GroupBy);
    }

    [Fact]
    public void OnePropertyFilteredGroupedOrBothFitsTheRollups()
    {
        Assert.True(Query().FitsRollups);
        Assert.True(Query("category").FitsRollups);
        Assert.True(Query(null, ("category", "billing")).FitsRollups);
        Assert.True(Query("category", ("category", "billing")).FitsRollups);
    }

    [Fact]
    public void TwoPropertiesNeedTheRawAnswers()
    {
        Assert.False(Query("category", ("region", "eu")).FitsRollups);
        Assert.False(Query(null, ("category", "billing"), ("region", "eu")).FitsRollups);
    }

    [Fact]
    public void TwoListedPropertiesFitThePairRowsAndAnyOtherSecondPropertyDoesNot()
    {
        var pairs = RollupPairs.Parse("category,agent");

        Assert.True(Query("agent", ("category", "billing")).FitsPairRollups(pairs));
        Assert.True(Query(null, ("category", "billing"), ("agent", "maria")).FitsPairRollups(pairs));
        Assert.True(Query("agent", ("category", "billing"), ("agent", "maria")).FitsPairRollups(pairs));
        Assert.False(Query("region", ("category", "billing")).FitsPairRollups(pairs));
        Assert.False(Query(ScoreRollup.ChannelDimension, ("category", "billing")).FitsPairRollups(pairs));
        Assert.False(Query("agent", ("category", "billing"), ("region", "eu")).FitsPairRollups(pairs));
        Assert.False(Query("agent", ("category", new string('x', RollupKeys.MaxValueLength + 1))).FitsPairRollups(pairs));
        Assert.False(Query("agent", ("category", "billing")).FitsPairRollups(RollupPairs.None));
    }

    [Fact]
    public void AFilterValueTooLongForARollupRowNeedsTheRawAnswers()
    {
        Assert.False(Query(null, ("category", new string('x', RollupKeys.MaxValueLength + 1))).FitsRollups);
    }
}
