using Feedback.Core.Responses;
using Feedback.Core.Storage;
using Feedback.Core.Templates;
using Feedback.Core.Themes;

namespace Feedback.Storage.Contract;

// ICommentTermStore: comment term counts, written by the response store with each answer and read for the themes.
public abstract class CommentTermStoreContract<TAdapter> : StorageContract<TAdapter> where TAdapter : StorageUnderTest, new()
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static TermCountQuery TodaysComments(SurveyKind? kind = null, string? templateId = null) =>
        new(kind, templateId, Today, Today.AddDays(1));

    private SurveyResponse EnglishComment(int score, string comment, string customerId = "cus_dana", string templateId = "tpl_csat") =>
        SampleResponse(templateId, score, comment, customerId) with { Locale = "en-GB" };

    private async Task<Dictionary<string, (long Low, long Middle, long High)>> EnglishCountsAsync(TermCountQuery? query = null) =>
        (await Terms.CountAsync(query ?? TodaysComments(), ScoreBand.Low, 0)).Where(c => c.Language == "en")
            .ToDictionary(c => c.Term, c => (c.Low, c.Middle, c.High));

    [Fact]
    public async Task AnAnswerCountsEachTermOfItsCommentOnceInItsBand()
    {
        await AddResponsesAsync(EnglishComment(1, "Refund missing, refund refunded?"), EnglishComment(5, "Quick refund"), EnglishComment(3, null!));

        var counts = await EnglishCountsAsync();

        Assert.Equal((1L, 0L, 1L), counts[TermCount.Comments]);
        Assert.Equal((1L, 0L, 1L), counts["refund"]);
        Assert.Equal((1L, 0L, 0L), counts["refund missing"]);
        Assert.Equal((0L, 0L, 1L), counts["quick refund"]);
    }

    [Fact]
    public async Task OnlyTermsEnoughSegmentCommentsContainComeBackWithTheTotals()
    {
        await AddResponsesAsync(EnglishComment(1, "Refund missing"), EnglishComment(2, "Refund missing"), EnglishComment(5, "Quick refund"));

        var counts = (await Terms.CountAsync(TodaysComments(), ScoreBand.Low, 2)).ToDictionary(c => c.Term, c => (c.Low, c.Middle, c.High));

        Assert.Equal([TermCount.Comments, TermCount.Occurrences, "missing", "refund", "refund missing"], counts.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((6L, 0L, 3L), counts[TermCount.Occurrences]);
        Assert.Equal((2L, 0L, 1L), counts["refund"]);
    }

    [Fact]
    public async Task EnoughSegmentCommentsAreCountedOverTheTemplatesAndKindsAQueryCovers()
    {
        await AddResponsesAsync(EnglishComment(1, "Courier late"), EnglishComment(1, "Courier late"),
            EnglishComment(1, "Courier late", templateId: "tpl_other"), EnglishComment(5, "Courier late", templateId: "tpl_other"));

        var everyTemplate = await Terms.CountAsync(TodaysComments(), ScoreBand.Low, 3);
        var oneTemplate = await Terms.CountAsync(TodaysComments(templateId: "tpl_csat"), ScoreBand.Low, 3);
        var oneKind = await Terms.CountAsync(TodaysComments(kind: SurveyKind.Csat), ScoreBand.Low, 3);

        Assert.Equal(new TermCount("en", "courier", 3, 0, 1), Assert.Single(everyTemplate, c => c.Term == "courier"));
        Assert.Equal(new TermCount("en", "courier", 3, 0, 1), Assert.Single(oneKind, c => c.Term == "courier"));
        Assert.DoesNotContain(oneTemplate, c => c.Term == "courier");
        Assert.Equal(new TermCount("en", TermCount.Comments, 2, 0, 0), Assert.Single(oneTemplate, c => c.Term == TermCount.Comments));
    }

    [Fact]
    public async Task ATermErasureLeavesInTooFewSegmentCommentsIsNoLongerCounted()
    {
        await AddResponsesAsync(EnglishComment(1, "Courier late", customerId: "cus_erased"), EnglishComment(1, "Courier late"),
            EnglishComment(1, "Courier late"));
        Assert.Contains(await Terms.CountAsync(TodaysComments(), ScoreBand.Low, 3), c => c.Term == "courier");

        await Responses.EraseCustomerAsync("cus_erased", Time.GetUtcNow());

        Assert.DoesNotContain(await Terms.CountAsync(TodaysComments(), ScoreBand.Low, 3), c => c.Term == "courier");
        await AddResponsesAsync(EnglishComment(2, "Late courier again"));
        Assert.Equal(3, Assert.Single(await Terms.CountAsync(TodaysComments(), ScoreBand.Low, 3), c => c.Term == "courier").Low);
    }

    [Fact]
    public async Task AChangedAnswerTakesBackItsOldCommentAndCountsTheNewOne()
    {
        var survey = await AddSentSurveyAsync();
        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 1, "Courier lost the parcel") with { Locale = "en" });

        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 5, "Refund arrived") with { Locale = "en" });

        var counts = await EnglishCountsAsync();
        Assert.False(counts.ContainsKey("courier"));
        Assert.False(counts.ContainsKey("parcel"));
        Assert.Equal((0L, 0L, 1L), counts["refund"]);
        Assert.Equal((0L, 0L, 1L), counts[TermCount.Comments]);
    }

    [Fact]
    public async Task AScoreChangeMovesTheSameCommentToTheNewBand()
    {
        var survey = await AddSentSurveyAsync();
        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 1, "Courier was late") with { Locale = "en" });

        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 4, "Courier was late") with { Locale = "en" });

        Assert.Equal((0L, 1L, 0L), (await EnglishCountsAsync())["courier"]);
    }

    [Fact]
    public async Task ARemovedCommentLeavesTheCounts()
    {
        var survey = await AddSentSurveyAsync();
        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 1, "Courier was late") with { Locale = "en" });

        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 1, null) with { Locale = "en" });

        Assert.Empty(await EnglishCountsAsync());
    }

    [Fact]
    public async Task ErasureRemovesTheTermsOfTheCustomersComments()
    {
        await AddResponsesAsync(
            EnglishComment(1, "Voucher never arrived", customerId: "cus_erased"),
            EnglishComment(1, "Courier never arrived", customerId: "cus_erased"),
            EnglishComment(1, "Courier was rude", customerId: "cus_kept"));

        await Responses.EraseCustomerAsync("cus_erased", Time.GetUtcNow());

        var counts = await EnglishCountsAsync();
        Assert.False(counts.ContainsKey("voucher"));
        Assert.False(counts.ContainsKey("arrived"));
        Assert.Equal((1L, 0L, 0L), counts["courier"]);
        Assert.Equal((1L, 0L, 0L), counts[TermCount.Comments]);
        Assert.Empty(await Terms.ExamplesAsync(TodaysComments(), new HashSet<ScoreBand> { ScoreBand.Low }, [("en", "voucher")], 3));
    }

    [Fact]
    public async Task CountsAreReadForTheQuerysDaysTemplateAndKind()
    {
        await AddResponsesAsync(EnglishComment(1, "Courier late"), EnglishComment(1, "Courier late", templateId: "tpl_other"));
        Time.Advance(TimeSpan.FromDays(1));
        await AddResponsesAsync(EnglishComment(1, "Courier late"));

        Assert.Equal(2, (await EnglishCountsAsync())["courier"].Low);
        Assert.Equal(1, (await EnglishCountsAsync(TodaysComments(templateId: "tpl_other")))["courier"].Low);
        Assert.Equal(2, (await EnglishCountsAsync(TodaysComments(kind: SurveyKind.Csat)))["courier"].Low);
        Assert.Empty(await EnglishCountsAsync(TodaysComments(kind: SurveyKind.Nps)));
        Assert.Equal(3, (await EnglishCountsAsync(new TermCountQuery(null, null, Today, Today.AddDays(2))))["courier"].Low);
    }

    [Fact]
    public async Task ExamplesAreTheNewestCommentsOfTheBandsContainingTheTerm()
    {
        var old = EnglishComment(1, "Courier late");
        await AddResponsesAsync(old);
        Time.Advance(TimeSpan.FromDays(1));
        var happy = EnglishComment(5, "Courier was great");
        var newer = EnglishComment(2, "The courier never came");
        var unrelated = EnglishComment(1, "Refund missing");
        await AddResponsesAsync(happy, newer, unrelated);

        var examples = await Terms.ExamplesAsync(new TermCountQuery(null, null, Today, Today.AddDays(2)),
            new HashSet<ScoreBand> { ScoreBand.Low }, [("en", "courier"), ("en", "refund")], perTerm: 1);

        Assert.Equal([("courier", newer.Id), ("refund", unrelated.Id)],
            examples.Select(e => (e.Term, e.ResponseId)).OrderBy(e => e.Term, StringComparer.Ordinal));
    }

    [Fact]
    public async Task ARebuildRecountsWhatTheAnswersCountedAndRecordsTheAnalysisVersion()
    {
        var survey = await AddSentSurveyAsync();
        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 1, "Courier lost the parcel") with { Locale = "en" });
        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 2, "Courier lost the parcel again") with { Locale = "en" });
        await AddResponsesAsync(EnglishComment(5, "Quick refund"), SampleResponse(score: 1));
        var counted = await Terms.CountAsync(TodaysComments(), ScoreBand.Low, 0);
        Assert.Null(await Terms.VersionAsync());

        var rebuild = await Terms.RebuildAsync();

        Assert.Equal(3, rebuild.Comments);
        Assert.Equal(counted.OrderBy(c => (c.Language, c.Term)), (await Terms.CountAsync(TodaysComments(), ScoreBand.Low, 0)).OrderBy(c => (c.Language, c.Term)));
        Assert.Equal(CommentAnalyzer.Version, await Terms.VersionAsync());
    }
}
