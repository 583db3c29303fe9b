using System.Text.Json;
using Feedback.Core.Common;

namespace Feedback.Core.Tests.Common;

public sealed class IsoDurationTests
{
    private const string NotADuration = "must be an ISO-8601 duration such as PT24H or P2D";
    private const string CalendarUnits = "years and months have no fixed length; use weeks, days or hours (e.g. P30D)";

    public static TheoryData<string, TimeSpan> Valid => new()
    {
        { "PT0S", TimeSpan.Zero },
        { "P0D", TimeSpan.Zero },
        { "PT24H", TimeSpan.FromHours(24) },
        { "PT36H", TimeSpan.FromHours(36) },
        { "PT90M", TimeSpan.FromMinutes(90) },
        { "PT1M", TimeSpan.FromMinutes(1) },
        { "P2D", TimeSpan.FromDays(2) },
        { "P1W", TimeSpan.FromDays(7) },
        { "P1DT2H3M4S", new TimeSpan(1, 2, 3, 4) },
        { "PT1.5S", TimeSpan.FromMilliseconds(1500) },
        { "PT0.0000001S", TimeSpan.FromTicks(1) },
        { "P3660D", TimeSpan.FromDays(3660) },
        { "P522W", TimeSpan.FromDays(3654) },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void FixedLengthDurationParses(string text, TimeSpan expected)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration, out var error), error);
        Assert.Equal(expected, duration.TimeSpan);
        Assert.Equal(text, duration.Text);
        Assert.Equal(expected, IsoDuration.Parse(text).TimeSpan);
    }

    [Theory]
    [InlineData(null, NotADuration)]
    [InlineData("", NotADuration)]
    [InlineData("   ", NotADuration)]
    [InlineData("-PT1H", "must not be negative")]
    [InlineData("-P1M", "must not be negative")]
    [InlineData("P1M", CalendarUnits)]
    [InlineData("P1Y", CalendarUnits)]
    [InlineData("P1Y2M", CalendarUnits)]
    [InlineData("P2M1D", CalendarUnits)]
    [InlineData("P1MT1H", CalendarUnits)]
    [InlineData("P", NotADuration)]
    [InlineData("PT", NotADuration)]
    [InlineData("P1DT", NotADuration)]
    [InlineData("24h", NotADuration)]
    [InlineData("pt1h", NotADuration)]
    [InlineData("P1H", NotADuration)]
    [InlineData("PT1D", NotADuration)]
    [InlineData("P1W2D", NotADuration)]
    [InlineData("P1.5D", NotADuration)]
    [InlineData("PT1.12345678S", NotADuration)]
    [InlineData("PT1,5S", NotADuration)]
    [InlineData(" PT1H", NotADuration)]
    [InlineData("PT1H ", NotADuration)]
    [InlineData("P\u0661D", NotADuration)]
    [InlineData("PT\uFF11H", NotADuration)]
    [InlineData("P3661D", "must not exceed 3660 days")]
    [InlineData("P523W", "must not exceed 3660 days")]
    [InlineData("PT87841H", "must not exceed 3660 days")]
    [InlineData("P99999999999999999999D", "is too long")]
    [InlineData("PT99999999999999999999999S", "is too long")]
    public void InvalidDurationIsRefusedWithTheReason(string? text, string expected)
    {
        Assert.False(IsoDuration.TryParse(text, out var duration, out var error));
        Assert.Equal(expected, error);
        Assert.Equal(TimeSpan.Zero, duration.TimeSpan);
    }

    [Fact]
    public void ParseThrowsAFormatExceptionNamingTheTextAndTheReason()
    {
        var failure = Assert.Throws<FormatException>(() => IsoDuration.Parse("P1M"));

        Assert.Equal($"'P1M' {CalendarUnits}", failure.Message);
    }

    [Fact]
    public void TextIsKeptAsWrittenNotNormalised()
    {
        Assert.Equal(("P2D", "PT48H"), (IsoDuration.Parse("P2D").Text, IsoDuration.Parse("PT48H").Text));
        Assert.Equal(IsoDuration.Parse("P2D").TimeSpan, IsoDuration.Parse("PT48H").TimeSpan);
    }

    [Fact]
    public void DefaultIsZeroWrittenAsPT0S()
    {
        Assert.Equal(("PT0S", TimeSpan.Zero), (default(IsoDuration).Text, default(IsoDuration).TimeSpan));
        Assert.Equal("PT0S", IsoDuration.Zero.Text);
    }

    [Fact]
    public void JsonCarriesTheTextAsAString()
    {
        var json = JsonSerializer.Serialize(new { Delay = IsoDuration.Parse("P1DT2H"), Quiet = (IsoDuration?)null });
        var read = JsonSerializer.Deserialize<IsoDuration>("\"P1W\"");

        Assert.Equal("""{"Delay":"P1DT2H","Quiet":null}""", json);
        Assert.Equal(("P1W", TimeSpan.FromDays(7)), (read.Text, read.TimeSpan));
    }

    [Fact]
    public void JsonRefusesAnInvalidDurationWithTheReason()
    {
        var failure = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<IsoDuration>("\"P1M\""));

        Assert.Contains(CalendarUnits, failure.Message, StringComparison.Ordinal);
    }
}
