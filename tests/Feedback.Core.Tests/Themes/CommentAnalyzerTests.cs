using Feedback.Core.Themes;

namespace Feedback.Core.Tests.Themes;

public class CommentAnalyzerTests
{
    [Theory]
    [InlineData("en", "refund", "refunds", "refunded", "refund")]
    [InlineData("en", "delivery", "deliveries", "Delivery", "delivery")]
    [InlineData("pl", "zwrot", "zwrotu", "zwrotem", "zwrot")]
    [InlineData("pl", "kurier", "kuriera", "kurierem", "kurier")]
    [InlineData("sk", "vrátenie", "vrátenia", "vrátením", "vrátenie")]
    [InlineData("sk", "kuriér", "kuriéra", "kuriérom", "kuriér")]
    [InlineData("he", "שליח", "השליח", "והשליח", "שליח")]
    public void InflectedFormsAreOneTerm(string locale, string first, string second, string third, string stem)
    {
        foreach (var word in new[] { first, second, third })
        {
            Assert.Equal([stem], CommentAnalyzer.Analyze(word, locale).Terms);
        }
    }

    [Fact]
    public void TheLanguageIsTheLocalesPrimarySubtag()
    {
        Assert.Equal("pl", CommentAnalyzer.Analyze("Zwrotu nie było", "pl-PL").Language);
        Assert.Equal("he", CommentAnalyzer.Analyze("שליח", "iw").Language);
    }

    [Theory]
    [InlineData("pl", "nieuprzejmy", "uprzejmy")]
    [InlineData("pl", "niemiła", "miły")]
    [InlineData("sk", "nespokojný", "spokojný")]
    public void NegatedWordsAreNotCountedAsTheirOpposite(string locale, string negated, string opposite)
    {
        var terms = CommentAnalyzer.Analyze(negated, locale).Terms;

        Assert.Single(terms);
        Assert.NotEqual(opposite, terms[0]);
    }

    [Fact]
    public void StopWordsNumbersAndSingleLettersAreNotTerms()
    {
        var terms = CommentAnalyzer.Analyze("The refund of 25 euros was a joke, and it is not here", "en").Terms;

        Assert.DoesNotContain("the", terms);
        Assert.DoesNotContain("25", terms);
        Assert.DoesNotContain("a", terms);
        Assert.Contains("refund", terms);
    }

    [Fact]
    public void NeighbouringWordsMakeAPhraseButPunctuationAndStopWordsEndIt()
    {
        var terms = CommentAnalyzer.Analyze("Late delivery. Courier was rude and courier lost the parcel", "en").Terms;

        Assert.Contains("late delivery", terms);
        Assert.DoesNotContain("delivery courier", terms);
        Assert.DoesNotContain("rude courier", terms);
    }

    [Fact]
    public void EachTermCountsOnceEvenWhenRepeated()
    {
        var terms = CommentAnalyzer.Analyze("refund refund REFUNDS refunded", "en").Terms;

        Assert.Equal(1, terms.Count(t => t == "refund"));
        Assert.Contains("refund refund", terms);
    }

    [Fact]
    public void OccurrencesPointAtTheWordsAsWritten()
    {
        const string comment = "Čakám na vrátenie peňazí, vrátenia sa neviem dočkať";

        var places = CommentAnalyzer.Analyze(comment, "sk").Occurrences.Where(o => o.Term == "vrátenie").ToList();

        Assert.Equal(["vrátenie", "vrátenia"], places.Select(p => comment[p.Start..p.End]));
    }

    [Fact]
    public void ALanguageWithoutDataIsSegmentedAndLowerCasedOnly()
    {
        Assert.Equal(["lieferung", "kaputt", "lieferung kaputt"], CommentAnalyzer.Analyze("Lieferung kaputt", "xx").Terms);
    }

    [Theory]
    [InlineData("en", "KStem")]
    [InlineData("pl", "Hunspell")]
    [InlineData("sk", "Hunspell")]
    [InlineData("he", "Hunspell")]
    [InlineData("de", "no stemmer")]
    public void EveryServedLanguageHasAStemmerAndStopWords(string language, string stemmer)
    {
        Assert.Equal((stemmer, true), CommentAnalyzer.Describe(language));
    }
}
