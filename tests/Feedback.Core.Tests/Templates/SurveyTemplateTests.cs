using Feedback.Core.Common;
using Feedback.Core.Templates;

namespace Feedback.Core.Tests.Templates;

public sealed class SurveyTemplateTests
{
    [Theory]
    [InlineData("pl-PL", "pl")]
    [InlineData("PL-pl", "pl")]
    [InlineData("pl", "pl")]
    [InlineData("pt-BR", "pt-BR")]
    [InlineData("pt-PT", "pt")]
    [InlineData("he-IL", "he")]
    [InlineData("en-GB", "en")]
    [InlineData("de-DE", "en")]
    [InlineData("sk", "en")]
    [InlineData("", "en")]
    [InlineData(null, "en")]
    public void ContentForALocaleFallsBackToItsLanguageThenTheDefault(string? locale, string expected)
    {
        var template = TestTemplates.Valid();

        var (chosen, content) = template.ContentFor(locale);

        Assert.Equal(expected, chosen);
        Assert.Same(template.Content[expected], content);
    }

    [Fact]
    public void DefaultLocaleOtherThanEnglishIsTheLastResort()
    {
        var template = TestTemplates.Valid() with { DefaultLocale = "pl" };

        Assert.Equal("pl", template.ContentFor("fr-CA").Locale);
    }

    [Fact]
    public void DurationSpansFollowTheIsoText()
    {
        var template = TestTemplates.Valid() with { QuietPeriod = null, ReminderAfter = IsoDuration.Parse("PT36H") };

        Assert.Equal(TimeSpan.FromHours(24), template.Delay.TimeSpan);
        Assert.Equal(TimeSpan.FromDays(14), template.ExpiresAfter.TimeSpan);
        Assert.Equal(TimeSpan.FromHours(36), template.ReminderAfter?.TimeSpan);
        Assert.Null(template.QuietPeriod);
    }

    [Fact]
    public void ETagIsTheQuotedVersion() => Assert.Equal("\"7\"", (TestTemplates.Valid() with { Version = 7 }).ETag);

    [Theory]
    [InlineData(SurveyKind.Nps, 0, 10)]
    [InlineData(SurveyKind.Csat, 1, 5)]
    [InlineData(SurveyKind.Ces, 1, 7)]
    public void EachKindHasItsScale(SurveyKind kind, int min, int max)
    {
        Assert.Equal((min, max), kind.Range());
        Assert.True(kind.IsValidScore(min) && kind.IsValidScore(max));
        Assert.False(kind.IsValidScore(min - 1) || kind.IsValidScore(max + 1));
    }
}
