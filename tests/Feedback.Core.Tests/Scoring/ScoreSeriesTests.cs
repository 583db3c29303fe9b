using Feedback.Core.Scoring;

namespace Feedback.Core.Tests.Scoring;

public sealed class ScoreSeriesTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-23", "2026-11-23")] // Monday
    [InlineData("2026-11-25", "2026-11-23")]
    [InlineData("2026-11-29", "2026-11-23")] // Sunday belongs to the week before it
    [InlineData("2027-01-01", "2026-12-28")] // ISO week 53 of 2026 spans the new year
    public void WeeksStartOnMonday(string day, string start)
    {
        Assert.Equal(D(start), ScoreSeries.BucketStart(D(day), SeriesInterval.Week));
    }

    [Fact]
    public void BucketsCoverThePeriodIncludingPartialEnds()
    {
        Assert.Equal([D("2026-01-01"), D("2026-02-01"), D("2026-03-01")],
            ScoreSeries.BucketStarts(D("2026-01-31"), D("2026-03-02"), SeriesInterval.Month));
        Assert.Equal([D("2026-11-16"), D("2026-11-23")],
            ScoreSeries.BucketStarts(D("2026-11-18"), D("2026-11-24"), SeriesInterval.Week));
        Assert.Equal([D("2026-11-22"), D("2026-11-23")],
            ScoreSeries.BucketStarts(D("2026-11-22"), D("2026-11-24"), SeriesInterval.Day));
    }

    [Theory]
    [InlineData("2026-08-31", "2026-09-03", "2026-10-01", SeriesInterval.Week, true)] // the week before a Thursday from
    [InlineData("2026-09-07", "2026-09-03", "2026-10-01", SeriesInterval.Week, false)]
    [InlineData("2026-09-28", "2026-09-03", "2026-10-01", SeriesInterval.Week, true)] // cut by to
    [InlineData("2026-11-01", "2026-11-30", "2026-12-01", SeriesInterval.Month, true)] // a one-day "month"
    [InlineData("2026-11-01", "2026-11-01", "2026-12-01", SeriesInterval.Month, false)]
    [InlineData("2026-11-30", "2026-11-30", "2026-12-01", SeriesInterval.Day, false)]
    public void ABucketReachingOutsideThePeriodIsPartial(string start, string from, string to, SeriesInterval interval, bool partial)
    {
        Assert.Equal(partial, ScoreSeries.IsPartial(D(start), D(from), D(to), interval));
    }

    [Fact]
    public void AMonthEndingOnABucketBoundaryHasNoEmptyTrailingBucket()
    {
        Assert.Equal([D("2026-02-01")], ScoreSeries.BucketStarts(D("2026-02-01"), D("2026-03-01"), SeriesInterval.Month));
    }
}
