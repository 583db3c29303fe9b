using Feedback.Core.Responses;
using Feedback.Core.Templates;
using Feedback.Core.Themes;

namespace Feedback.Core.Tests.Themes;

public class ThemeFinderTests
{
    // Low scores over-use two words (in inflected forms), high scores a third; every comment uses the shared word.
    public static TheoryData<string, string[], string[], string[], string, string[]> Corpora => new()
    {
        { "en", ["refund", "refunds", "refunded"], ["courier", "couriers", "courier's"], ["helpful", "helpful"], "parcel",
          ["package", "website", "price", "store", "colour", "size", "box"] },
        { "pl", ["zwrot", "zwrotu", "zwrotem"], ["kurier", "kuriera", "kurierem"], ["szybka", "szybki", "szybkiej"], "zamówienie",
          ["sklep", "cena", "strona", "paczka", "kolor", "rozmiar", "pudełko"] },
        { "sk", ["vrátenie", "vrátenia", "vrátením"], ["kuriér", "kuriéra", "kuriérom"], ["rýchla", "rýchly", "rýchle"], "objednávka",
          ["obchod", "cena", "stránka", "balík", "farba", "veľkosť", "krabica"] },
        { "he", ["שליח", "השליח", "והשליח"], ["עיכוב", "בעיכוב", "העיכוב"], ["מהיר", "מהיר"], "הזמנה",
          ["חנות", "מחיר", "אתר", "חבילה", "צבע", "מידה", "קופסה"] },
    };

    [Theory]
    [MemberData(nameof(Corpora))]
    public void TheWordsLowScoresOverUseRankFirstWithTheirInflectionsMerged(
        string locale, string[] first, string[] second, string[] high, string shared, string[] fillers)
    {
        var comments = new List<SurveyResponse>();
        for (var i = 0; i < 30; i++)
        {
            comments.Add(Response(1, $"{shared} {fillers[i % 7]} {first[i % first.Length]}, {fillers[(i + 3) % 7]}. {second[i % second.Length]}", locale));
        }
        for (var i = 0; i < 60; i++)
        {
            comments.Add(Response(10, $"{shared} {fillers[i % 7]}, {high[i % high.Length]}. {fillers[(i + 2) % 7]}", locale));
        }

        var findings = Find(comments, ScoreBand.Low);

        var stems = new[] { first[0], second[0] }.Select(w => CommentAnalyzer.Analyze(w, locale).Terms.Single()).ToList();
        Assert.Equal(stems.Order(StringComparer.Ordinal), findings.Themes.Take(2).Select(t => t.Term).Order(StringComparer.Ordinal));
        Assert.All(findings.Themes.Take(2), t => Assert.Equal((30L, 0L, CommentAnalyzer.LanguageOf(locale)), (t.SegmentCount, t.OtherCount, t.Language)));
        Assert.DoesNotContain(findings.Themes, t => t.Term == CommentAnalyzer.Analyze(shared, locale).Terms.Single());
        Assert.Equal((90L, 30L), (findings.Comments, findings.SegmentComments));
    }

    [Fact]
    public void AWordBothSegmentsUseAlikeIsNotATheme()
    {
        var comments = Enumerable.Range(0, 40).Select(i => Response(i % 2 == 0 ? 0 : 10, i % 4 < 2 ? "slow website" : "slow checkout"));

        var findings = Find(comments, ScoreBand.Low);

        Assert.Empty(findings.Themes);
    }

    [Fact]
    public void ATermInFewerThanThreeSegmentCommentsIsNotReported()
    {
        var comments = new[] { Response(0, "refund"), Response(0, "refund") }
            .Concat(Enumerable.Range(0, 200).Select(_ => Response(10, "great service")));

        Assert.Empty(Find(comments, ScoreBand.Low).Themes);
        Assert.Contains(Find(comments.Append(Response(1, "refund")), ScoreBand.Low).Themes, t => t.Term == "refund");
    }

    [Fact]
    public void TheHighSegmentFindsWhatHappyCustomersWriteAbout()
    {
        var comments = Enumerable.Range(0, 10).Select(_ => Response(10, "friendly agent"))
            .Concat(Enumerable.Range(0, 10).Select(_ => Response(2, "refund missing")));

        var findings = Find(comments, ScoreBand.High);

        Assert.Contains(findings.Themes[0].Term, new[] { "agent", "friendly", "friendly agent" });
        Assert.DoesNotContain(findings.Themes, t => t.Term.Contains("refund"));
    }

    [Fact]
    public void TopLimitsTheThemes()
    {
        var comments = Enumerable.Range(0, 10).Select(_ => Response(0, "broken screen cracked glass late courier"))
            .Concat(Enumerable.Range(0, 30).Select(_ => Response(10, "quick friendly help")));

        Assert.Equal(3, ThemeFinder.Find(Tally(comments), ScoreBand.Low, top: 3).Themes.Count);
    }

    [Theory]
    [InlineData(SurveyKind.Nps, 6, ScoreBand.Low)]
    [InlineData(SurveyKind.Nps, 7, ScoreBand.Middle)]
    [InlineData(SurveyKind.Nps, 9, ScoreBand.High)]
    [InlineData(SurveyKind.Csat, 2, ScoreBand.Low)]
    [InlineData(SurveyKind.Csat, 4, ScoreBand.Middle)]
    [InlineData(SurveyKind.Csat, 5, ScoreBand.High)]
    [InlineData(SurveyKind.Ces, 3, ScoreBand.Low)]
    [InlineData(SurveyKind.Ces, 5, ScoreBand.Middle)]
    [InlineData(SurveyKind.Ces, 6, ScoreBand.High)]
    public void BandsFollowEachKindsScale(SurveyKind kind, int score, ScoreBand band)
    {
        Assert.Equal(band, kind.Band(score));
    }

    private static ThemeFindings Find(IEnumerable<SurveyResponse> comments, ScoreBand segment) =>
        ThemeFinder.Find(Tally(comments), segment, ThemeFinder.DefaultTop);

    private static IReadOnlyList<TermCount> Tally(IEnumerable<SurveyResponse> comments)
    {
        var tally = new TermTally();
        foreach (var comment in comments)
        {
            tally.Add(CommentTerms.Of(comment)!);
        }
        return tally.ToCounts();
    }

    private static int _next;

    private static SurveyResponse Response(int score, string comment, string locale = "en") => new()
    {
        Id = $"rsp_{Interlocked.Increment(ref _next)}",
        TemplateId = "tpl_1",
        Kind = SurveyKind.Nps,
        Score = score,
        Comment = comment,
        Locale = locale,
        CustomerId = "cus_1",
        SubjectId = "ticket-1",
        Channel = Channels.Email,
        AnsweredAt = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero),
    };
}
