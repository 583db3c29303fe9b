using Feedback.Core.Scoring;
using Feedback.Core.Templates;

namespace Feedback.Core.Tests.Scoring;

public sealed class ScoreReportTests
{
    private static readonly DateOnly Monday = new(2026, 11, 16);

    private static ScoreQuery Query(SeriesInterval? interval = null, string? groupBy = null, int top = 10) => new(
        SurveyKind.Nps, null, Monday, Monday.AddDays(14), interval, groupBy, top, CompareToPrevious: false,
        new Dictionary<string, string>());

    private static ScoreData Data(IReadOnlyList<DayTotals> days, IReadOnlyList<GroupTotals>? groups = null, bool hasSent = true) =>
        new(days, groups ?? [], hasSent, hasSent ? ScoreSource.Rollups : ScoreSource.Responses);

    [Fact]
    public void ThePeriodSumsEveryDayAndCountsAnswersPerSurveySent()
    {
        var report = ScoreReport.Build(Query(), Data([new(Monday, Hist.Of((10, 3)), 4), new(Monday.AddDays(9), Hist.Of((0, 1)), 4)]), null);

        Assert.Equal(4, report.Period.Figures.Summary.Responses);
        Assert.Equal(50, report.Period.Figures.Summary.Score);
        Assert.Equal(8, report.Period.Figures.Sent);
        Assert.Equal(0.5, report.Period.Figures.ResponseRate);
        Assert.Equal(ScoreSource.Rollups, report.Source);
        Assert.Empty(report.Series);
        Assert.Empty(report.Groups);
        Assert.Null(report.Previous);
        Assert.Null(report.Change);
    }

    [Fact]
    public void SendsAreUnknownWhenReadFromTheRawAnswers()
    {
        var report = ScoreReport.Build(Query(), Data([new(Monday, Hist.Of((9, 2)), 0)], hasSent: false), null);

        Assert.Null(report.Period.Figures.Sent);
        Assert.Null(report.Period.Figures.ResponseRate);
        Assert.Equal(ScoreSource.Responses, report.Source);
    }

    [Fact]
    public void AResponseRateAboveOneIsNotClipped()
    {
        var report = ScoreReport.Build(Query(), Data([new(Monday, Hist.Of((9, 3)), 2)]), null);

        Assert.Equal(1.5, report.Period.Figures.ResponseRate);
    }

    [Fact]
    public void TheSeriesHasEveryBucketOfThePeriodEvenWithoutAnswers()
    {
        var report = ScoreReport.Build(Query(SeriesInterval.Week), Data([new(Monday.AddDays(2), Hist.Of((10, 1)), 1)]), null);

        Assert.Equal([Monday, Monday.AddDays(7)], report.Series.Select(p => p.Start));
        Assert.Equal([1L, 0L], report.Series.Select(p => p.Summary.Responses));
        Assert.Null(report.Series[1].Summary.Score);
    }

    [Fact]
    public void GroupsAfterTheTopAreSummedIntoOneOtherGroup()
    {
        GroupTotals[] groups = [new("a", Hist.Of((10, 5)), 5), new("b", Hist.Of((0, 2)), 4), new("c", Hist.Of((9, 1)), 2)];

        var report = ScoreReport.Build(Query(groupBy: "category", top: 1), Data([], groups), null);

        Assert.Equal(["a", ScoreGroups.OtherKey], report.Groups.Select(g => g.Key));
        Assert.Equal([false, true], report.Groups.Select(g => g.IsOther));
        Assert.Equal(3, report.Groups[1].Figures.Summary.Responses);
        Assert.Equal(6, report.Groups[1].Figures.Sent);
    }

    [Fact]
    public void ThePreviousPeriodIsReportedWithTheChangeFromIt()
    {
        var query = Query() with { CompareToPrevious = true };
        var previous = Data([new(Monday.AddDays(-14), Hist.Of((0, 1), (10, 1)), 2)]);

        var report = ScoreReport.Build(query, Data([new(Monday, Hist.Of((10, 2)), 2)]), previous);

        Assert.Equal(Monday.AddDays(-14), report.Previous!.From);
        Assert.Equal(Monday, report.Previous.To);
        Assert.Equal(0, report.Previous.Figures.Summary.Score);
        Assert.Equal(100, report.Change!.Change);
    }
}
