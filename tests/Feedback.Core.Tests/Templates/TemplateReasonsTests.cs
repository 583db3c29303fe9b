using Feedback.Core.Common;
using Feedback.Core.Templates;

namespace Feedback.Core.Tests.Templates;

public sealed class TemplateReasonsTests
{
    private static SurveyTemplate WithReasons(
        TemplateReasons? reasons, Dictionary<string, string>? en = null, Dictionary<string, string>? pl = null)
    {
        var template = TestTemplates.Valid();
        var content = new Dictionary<string, LocaleContent>(template.Content)
        {
            ["en"] = template.Content["en"] with { ReasonLabels = en },
            ["pl"] = template.Content["pl"] with { ReasonLabels = pl },
        };
        return template with { Reasons = reasons, Content = content };
    }

    private static readonly Dictionary<string, string> EnglishLabels = new() { ["slow"] = "Slow", ["rude"] = "Rude" };

    [Fact]
    public void ReasonsLabelledInTheDefaultLocaleAreValid() =>
        Assert.True(TemplateValidator.Validate(WithReasons(new(2, ["slow", "rude"]), EnglishLabels, new() { ["slow"] = "Wolno" })).IsValid);

    [Theory]
    [InlineData(0, "reasons.maxScore")]
    [InlineData(6, "reasons.maxScore")]
    public void MaxScoreOutsideTheKindsScaleIsRefused(int maxScore, string field) =>
        AssertErrors(WithReasons(new(maxScore, ["slow", "rude"]), EnglishLabels), field);

    [Fact]
    public void NoCodesAreRefused() => AssertErrors(WithReasons(new(2, [])), "reasons.codes");

    [Fact]
    public void TooManyCodesAreRefused()
    {
        var codes = Enumerable.Range(0, TemplateReasons.MaxCodes + 1).Select(i => $"r{i}").ToList();
        AssertErrors(WithReasons(new(2, codes), codes.ToDictionary(c => c, c => c)), "reasons.codes");
    }

    [Theory]
    [InlineData("Slow")]
    [InlineData("_slow")]
    [InlineData("slow response")]
    [InlineData("a;b")]
    [InlineData("(none)")]
    [InlineData("")]
    public void CodesOutsideTheSyntaxAreRefusedByIndex(string code) =>
        AssertErrors(WithReasons(new(2, ["slow", code]), new() { ["slow"] = "Slow" }), "reasons.codes[1]");

    [Fact]
    public void ACodeListedTwiceIsRefusedAtItsSecondPlace() =>
        AssertErrors(WithReasons(new(2, ["slow", "rude", "slow"]), EnglishLabels), "reasons.codes[2]");

    [Fact]
    public void EveryCodeNeedsALabelInTheDefaultLocale() =>
        AssertErrors(WithReasons(new(2, ["slow", "rude"]), new() { ["slow"] = "Slow" }, EnglishLabels), "content.en.reasonLabels.rude");

    [Fact]
    public void LabelsOnlyForKnownCodesAndNotBlank() =>
        AssertErrors(
            WithReasons(new(2, ["slow", "rude"]), EnglishLabels, new() { ["slow"] = " ", ["late"] = "Późno" }),
            "content.pl.reasonLabels.slow", "content.pl.reasonLabels.late");

    [Fact]
    public void LabelsWithoutReasonsAreRefused() =>
        AssertErrors(WithReasons(null, EnglishLabels), "content.en.reasonLabels.slow", "content.en.reasonLabels.rude");

    [Fact]
    public void ALocaleWithoutALabelFallsBackToTheDefaultLocales()
    {
        var template = WithReasons(new(2, ["slow", "rude"]), EnglishLabels, new() { ["rude"] = "Niegrzecznie" });

        Assert.Equal([("slow", "Slow"), ("rude", "Niegrzecznie")], template.ReasonLabelsFor("pl"));
        Assert.Equal([("slow", "Slow"), ("rude", "Rude")], template.ReasonLabelsFor("he"));
        Assert.Empty(TestTemplates.Valid().ReasonLabelsFor("en"));
    }

    [Fact]
    public void KeptReasonsFollowTheTemplatesOrderAndOnlyForAskedScores()
    {
        var reasons = new TemplateReasons(2, ["slow", "rude", "other"]);

        Assert.Equal(["slow", "other"], reasons.Keep(2, ["other", "slow"]));
        Assert.Empty(reasons.Keep(3, ["slow"]));
        Assert.True(reasons.Asks(1));
        Assert.False(reasons.Asks(3));
    }

    [Fact]
    public void GivenReasonsMustBeCodesOfTheTemplateAndNotRepeated()
    {
        var errors = new ValidationErrors();
        TemplateReasons.Validate(new TemplateReasons(2, ["slow", "rude"]), ["rude", "late", "rude", null], "reasons", errors);

        Assert.Equal(["reasons[1]", "reasons[2]", "reasons[3]"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));

        var none = new ValidationErrors();
        TemplateReasons.Validate(null, ["slow"], "reason", none);
        Assert.Equal(["reason[0]"], none.ToDictionary().Keys);
    }

    private static void AssertErrors(SurveyTemplate template, params string[] fields) =>
        Assert.Equal(fields.Order(StringComparer.Ordinal), TemplateValidator.Validate(template).ToDictionary().Keys.Order(StringComparer.Ordinal));
}
