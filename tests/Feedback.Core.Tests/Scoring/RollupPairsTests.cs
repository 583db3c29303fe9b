using Feedback.Core.Responses;
using Feedback.Core.Scoring;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Core.Tests.Scoring;

public sealed class RollupPairsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly RollupPairs CategoryAgent = RollupPairs.Parse(" category , agent,category");

    [Fact]
    public void TheSettingListsEachPropertyOnceAndBlankIsNone()
    {
        Assert.Equal(["category", "agent"], CategoryAgent.Properties);
        Assert.Empty(RollupPairs.Parse(null).Properties);
        Assert.Empty(RollupPairs.Parse(" , ").Properties);
    }

    [Theory]
    [InlineData("category,@channel")]
    [InlineData("a=b")]
    [InlineData("a,b,c,d,e")]
    public void ANameThatIsNoPropertyOrTooManyNamesFailNamingTheSetting(string setting)
    {
        var error = Assert.Throws<ArgumentException>(() => RollupPairs.Parse(setting));
        Assert.Contains(RollupPairs.ConfigurationKey, error.Message);
    }

    [Fact]
    public void AnAnswerCountsInBothOrderedPairsOfItsListedPropertiesOnly()
    {
        var deltas = RollupKeys.OfAnswer(Answer(9, ("category", "billing"), ("agent", "maria"), ("region", "eu")), pairs: CategoryAgent);

        Assert.Equal(
            ["agent=maria>category=billing +1", "category=billing>agent=maria +1"],
            deltas.Where(d => d.Dimension.Contains('>')).Select(Describe).Order(StringComparer.Ordinal));
        // The single rows are the same as without pairs.
        Assert.Equal(
            RollupKeys.OfAnswer(Answer(9, ("category", "billing"), ("agent", "maria"), ("region", "eu"))).Select(Describe),
            deltas.Where(d => !d.Dimension.Contains('>')).Select(Describe));
    }

    [Fact]
    public void AnAnswerWithOneListedPropertyOrAValueWithoutRowsHasNoPairRows()
    {
        Assert.DoesNotContain(RollupKeys.OfAnswer(Answer(9, ("category", "billing")), pairs: CategoryAgent), d => d.Dimension.Contains('>'));
        Assert.DoesNotContain(
            RollupKeys.OfAnswer(Answer(9, ("category", "billing"), ("agent", new string('x', RollupKeys.MaxValueLength + 1))), pairs: CategoryAgent),
            d => d.Dimension.Contains('>'));
    }

    [Fact]
    public void AChangedAnswerTakesItsOldPairRowsBackAndAddsTheNewOnes()
    {
        var previous = Answer(2, ("category", "billing"), ("agent", "maria"));

        var deltas = RollupKeys.OfAnswer(Answer(7, ("category", "billing"), ("agent", "omer")), previous, CategoryAgent);

        Assert.Equal(
            [
                "agent=maria>category=billing -1", "agent=omer>category=billing +1",
                "category=billing>agent=maria -1", "category=billing>agent=omer +1",
            ],
            deltas.Where(d => d.Dimension.Contains('>')).Select(Describe).Order(StringComparer.Ordinal));
        Assert.Equal(0, deltas.Sum(d => d.Change));
    }

    [Fact]
    public void ASendCountsInThePairRowsOfItsSurvey()
    {
        var survey = new Survey
        {
            Id = "srv_1", TemplateId = "tpl_1", TemplateVersion = 1, Kind = SurveyKind.Csat, SubjectId = "s",
            Customer = new Customer("c", "c@example.com", null, null, null), Locale = "en", Status = SurveyStatus.Sending, SendAt = At,
            CreatedAt = At, Token = "t",
            Properties = new Dictionary<string, string> { ["category"] = "billing", ["agent"] = "dana" },
        };

        var pairs = RollupKeys.OfSend(survey, At, CategoryAgent).Where(d => d.Dimension.Contains('>')).ToList();

        Assert.All(pairs, d => Assert.True(d.IsSend));
        Assert.Equal(["agent=dana>category=billing +1", "category=billing>agent=dana +1"], pairs.Select(Describe).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void APairDimensionCannotBeAPropertyNameWhateverTheValueHolds()
    {
        Assert.Equal("category=a>b=c>agent", RollupPairs.Dimension("category", "a>b=c", "agent"));
        Assert.False(RollupPairs.Parse("category").Contains(RollupPairs.Dimension("category", "x", "agent")));
    }

    private static string Describe(RollupDelta d) => $"{d.Dimension}={d.Value} {d.Change:+0;-0}";

    private static SurveyResponse Answer(int score, params (string Name, string Value)[] properties) => new()
    {
        Id = "rsp_1", TemplateId = "tpl_1", Kind = SurveyKind.Nps, Score = score, Locale = "en", CustomerId = "c", SubjectId = "s",
        Channel = "web", AnsweredAt = At, UpdatedAt = At, Properties = properties.ToDictionary(p => p.Name, p => p.Value),
    };
}
