using Feedback.Core.Scheduling;
using Feedback.Core.Templates;

namespace Feedback.Core.Tests.Scheduling;

public sealed class SendTimesTests
{
    private static readonly TimeZoneInfo Bratislava = TimeZoneInfo.FindSystemTimeZoneById("Europe/Bratislava");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly SendWindow Daytime = new(new TimeOnly(9, 0), new TimeOnly(20, 0));

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void SendAtIsOccurredAtPlusDelayWithoutWindow()
    {
        var sendAt = SendTimes.Compute(Utc(11, 23, 10), TimeSpan.FromHours(24), null, Bratislava, Utc(11, 23, 10));

        Assert.Equal(Utc(11, 24, 10), sendAt);
    }

    [Fact]
    public void SendAtIsNeverInThePast()
    {
        var now = Utc(11, 23, 10);

        var sendAt = SendTimes.Compute(Utc(11, 1, 10), TimeSpan.FromHours(24), null, TimeZoneInfo.Utc, now);

        Assert.Equal(now, sendAt);
    }

    [Theory]
    // A requested time at or before now is now: the next dispatch sends it.
    [InlineData("2026-11-01T12:00:00Z", "2026-11-23T10:00:00Z")]
    [InlineData("2026-11-23T09:59:59Z", "2026-11-23T10:00:00Z")]
    [InlineData("2026-11-23T10:00:00Z", "2026-11-23T10:00:00Z")]
    // A later one is kept as given, at night too (it is not moved into a send window).
    [InlineData("2026-11-23T10:00:01Z", "2026-11-23T10:00:01Z")]
    [InlineData("2026-12-01T03:00:00Z", "2026-12-01T03:00:00Z")]
    public void RequestedSendAtIsNowUnlessInTheFuture(string requested, string expected)
    {
        var sendAt = SendTimes.Requested(DateTimeOffset.Parse(requested), Utc(11, 23, 10));

        Assert.Equal(DateTimeOffset.Parse(expected), sendAt);
    }

    [Fact]
    public void TimeInsideTheWindowIsKept()
    {
        // 10:00 UTC is 11:00 in Bratislava (CET, +01:00) in November.
        Assert.Equal(Utc(11, 24, 10), SendTimes.IntoWindow(Utc(11, 24, 10), Daytime, Bratislava));
    }

    [Fact]
    public void EveningIsMovedToNineTheNextMorningLocalTime()
    {
        // 21:30 UTC = 22:30 CET → next day 09:00 CET = 08:00 UTC.
        Assert.Equal(Utc(11, 25, 8), SendTimes.IntoWindow(Utc(11, 24, 21, 30), Daytime, Bratislava));
    }

    [Fact]
    public void EarlyMorningIsMovedToNineTheSameDay()
    {
        // 05:00 UTC = 06:00 CET → 09:00 CET = 08:00 UTC the same day.
        Assert.Equal(Utc(11, 24, 8), SendTimes.IntoWindow(Utc(11, 24, 5), Daytime, Bratislava));
    }

    [Fact]
    public void WindowWestOfUtcUsesTheCustomersDate()
    {
        // 02:00 UTC on 24 Nov is 21:00 on 23 Nov in New York (EST, −05:00): next 09:00 EST is 24 Nov 14:00 UTC.
        Assert.Equal(Utc(11, 24, 14), SendTimes.IntoWindow(Utc(11, 24, 2), Daytime, NewYork));
    }

    [Theory]
    [InlineData(23, 30, true)]
    [InlineData(2, 0, true)]
    [InlineData(7, 59, true)]
    [InlineData(8, 0, false)]
    [InlineData(12, 0, false)]
    [InlineData(21, 59, false)]
    [InlineData(22, 0, true)]
    public void WindowAcrossMidnightContainsTheNight(int hour, int minute, bool inside)
    {
        var night = new SendWindow(new TimeOnly(22, 0), new TimeOnly(8, 0));

        Assert.Equal(inside, SendTimes.Contains(night, new TimeOnly(hour, minute)));
    }

    [Fact]
    public void WindowAcrossMidnightMovesAfternoonToTenAtNight()
    {
        var night = new SendWindow(new TimeOnly(22, 0), new TimeOnly(8, 0));

        // 13:00 UTC = 14:00 CET → 22:00 CET = 21:00 UTC.
        Assert.Equal(Utc(11, 24, 21), SendTimes.IntoWindow(Utc(11, 24, 13), night, Bratislava));
    }

    [Fact]
    public void SpringForwardKeepsNineOClockLocalAcrossTheChange()
    {
        // Europe switched to CEST (+02:00) on 29 March 2026 at 01:00 UTC. 20:30 UTC on 28 March = 21:30 CET;
        // the next 09:00 is on 29 March in CEST = 07:00 UTC (not 08:00 as before the change).
        Assert.Equal(Utc(3, 29, 7), SendTimes.IntoWindow(Utc(3, 28, 20, 30), Daytime, Bratislava));
    }

    [Fact]
    public void FallBackKeepsNineOClockLocalAcrossTheChange()
    {
        // CEST ended on 25 October 2026. 19:30 UTC on 24 Oct = 21:30 CEST → 09:00 CET on 25 Oct = 08:00 UTC.
        Assert.Equal(Utc(10, 25, 8), SendTimes.IntoWindow(Utc(10, 24, 19, 30), Daytime, Bratislava));
    }

    [Fact]
    public void WindowStartInsideTheSpringGapMovesPastTheGap()
    {
        // 02:30 does not exist in Bratislava on 29 March 2026 (02:00 → 03:00 CEST).
        var window = new SendWindow(new TimeOnly(2, 30), new TimeOnly(6, 0));

        var sendAt = SendTimes.IntoWindow(Utc(3, 28, 12), window, Bratislava);

        Assert.Equal(Utc(3, 29, 1), sendAt); // 03:00 CEST, the first valid local time after the gap.
    }

    [Fact]
    public void AmbiguousWindowStartTakesTheEarlierInstant()
    {
        // 02:30 happens twice in Bratislava on 25 October 2026: first at +02:00 (00:30 UTC), then at +01:00.
        var window = new SendWindow(new TimeOnly(2, 30), new TimeOnly(6, 0));

        var sendAt = SendTimes.IntoWindow(Utc(10, 24, 12), window, Bratislava);

        Assert.Equal(Utc(10, 25, 0, 30), sendAt);
    }
}
