using Feedback.Core.Common;
using Feedback.Core.Templates;

namespace Feedback.Core.Tests.Templates;

/// <summary>Rules the HTTP layer cannot reach (values JSON cannot carry, nulls it replaces by defaults) and how errors combine.</summary>
public sealed class TemplateValidatorTests
{
    [Fact]
    public void ValidTemplateHasNoErrors() => Assert.True(TemplateValidator.Validate(TestTemplates.Valid()).IsValid);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-double.Epsilon)]
    [InlineData(1.0000001)]
    public void SampleRateOutside0To1IsRefused(double rate) =>
        AssertErrors(TestTemplates.Valid() with { SampleRate = rate }, "sampleRate");

    // A null duration cannot reach a template any more (IsoDuration is a value; IsoDurationTests refuses null text).
    [Fact]
    public void NullNamesAreRefusedNotThrown()
    {
        var template = TestTemplates.Valid() with { Name = null!, DefaultLocale = null! };

        AssertErrors(template, "name", "defaultLocale");
    }

    [Fact]
    public void NullContentEntryIsRefusedByLocale()
    {
        var content = new Dictionary<string, LocaleContent>(TestTemplates.Valid().Content) { ["sk"] = null! };

        AssertErrors(TestTemplates.Valid() with { Content = content }, "content.sk");
    }

    [Fact]
    public void ReminderCheckStillRunsWhenAnotherFieldIsInvalid()
    {
        var template = TestTemplates.Valid() with { Name = "", ReminderAfter = IsoDuration.Parse("P20D"), ExpiresAfter = IsoDuration.Parse("P14D") };

        AssertErrors(template, "name", "reminderAfter");
    }

    [Fact]
    public void AtMost20CancelEventsAreAllowed()
    {
        var twenty = Enumerable.Range(0, 20).Select(i => $"event.{i}").ToList();

        Assert.True(TemplateValidator.Validate(TestTemplates.Valid() with { CancelOn = twenty }).IsValid);
        AssertErrors(TestTemplates.Valid() with { CancelOn = [.. twenty, "event.20"] }, "cancelOn");
    }

    [Fact]
    public void AtMost100LocalesAreAllowed()
    {
        var content = Enumerable.Range(0, 101).ToDictionary(i => i == 0 ? "en" : $"zz-{i:D3}", _ => new LocaleContent("s", "q"));

        AssertErrors(TestTemplates.Valid() with { Content = content }, "content");
    }

    [Theory]
    [InlineData("lowLabel")]
    [InlineData("highLabel")]
    [InlineData("commentPrompt")]
    [InlineData("thankYou")]
    public void OptionalTextsAreCheckedForLiquidToo(string text)
    {
        var broken = new LocaleContent("s", "q");
        broken = text switch
        {
            "lowLabel" => broken with { LowLabel = "{{ x" },
            "highLabel" => broken with { HighLabel = "{% if %}" },
            "commentPrompt" => broken with { CommentPrompt = "{{ }" },
            _ => broken with { ThankYou = "{% endfor %}" },
        };
        var content = new Dictionary<string, LocaleContent>(TestTemplates.Valid().Content) { ["en"] = broken };

        AssertErrors(TestTemplates.Valid() with { Content = content }, $"content.en.{text}");
    }

    [Theory]
    [InlineData("a")]
    [InlineData("ticket.resolved")]
    [InlineData("order:delivered_v2")]
    [InlineData("A-1")]
    public void EventTypeOfLettersDigitsAndPunctuationIsValid(string type) => Assert.True(TemplateValidator.IsValidEventType(type));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".resolved")]
    [InlineData("ticket resolved")]
    [InlineData("ticket/resolved")]
    [InlineData("tíket")]
    public void OtherEventTypesAreNot(string? type) => Assert.False(TemplateValidator.IsValidEventType(type));

    [Fact]
    public void EventTypesAreAtMost100Characters()
    {
        Assert.True(TemplateValidator.IsValidEventType(new string('e', 100)));
        Assert.False(TemplateValidator.IsValidEventType(new string('e', 101)));
    }

    private static void AssertErrors(SurveyTemplate template, params string[] fields) =>
        Assert.Equal(fields.Order(StringComparer.Ordinal), TemplateValidator.Validate(template).ToDictionary().Keys.Order(StringComparer.Ordinal));
}
