using Feedback.Core.Scoring;

namespace Feedback.Core.Tests.Scoring;

public sealed class ResolutionTimeTests
{
    private static readonly DateTimeOffset Resolved = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static string? BucketOf(params (string Name, string Value)[] properties) =>
        ResolutionTime.WithBucket(properties.ToDictionary(p => p.Name, p => p.Value), Resolved)
            .GetValueOrDefault(ResolutionTime.Property);

    [Theory]
    [InlineData("0", "<4h")]
    [InlineData("3.99", "<4h")]
    [InlineData("4", "<24h")]
    [InlineData("23.5", "<24h")]
    [InlineData("71.99", "<72h")]
    [InlineData("72", "72h+")]
    [InlineData("1e3", "72h+")]
    public void ResolutionHoursAreBucketed(string hours, string bucket)
    {
        Assert.Equal(bucket, BucketOf(("resolutionHours", hours)));
    }

    [Theory]
    [InlineData("2026-11-21T10:00:00Z", "<4h")]
    [InlineData("2026-11-20T00:00:00Z", "<72h")]
    [InlineData("2026-11-21T03:00:00+02:00", "<24h")]
    [InlineData("2026-11-01T00:00:00Z", "72h+")]
    public void OpenedAtIsMeasuredToTheEventTime(string openedAt, string bucket)
    {
        Assert.Equal(bucket, BucketOf(("openedAt", openedAt)));
    }

    [Fact]
    public void ResolutionHoursWinOverOpenedAt()
    {
        Assert.Equal("<4h", BucketOf(("resolutionHours", "1"), ("openedAt", "2026-11-01T00:00:00Z")));
    }

    [Theory]
    [InlineData("resolutionHours", "soon")]
    [InlineData("resolutionHours", "-3")]
    [InlineData("resolutionHours", "NaN")]
    [InlineData("openedAt", "yesterday")]
    [InlineData("openedAt", "2026-11-22T00:00:00Z")]
    [InlineData("category", "billing")]
    public void NothingIsAddedWithoutAUsableInput(string name, string value)
    {
        Assert.Null(BucketOf((name, value)));
    }

    [Fact]
    public void ACallersOwnResolutionTimeIsKept()
    {
        Assert.Equal("fast", BucketOf(("resolutionTime", "fast"), ("resolutionHours", "100")));
    }
}
