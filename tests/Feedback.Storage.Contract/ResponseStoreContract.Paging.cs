using Feedback.Core.Common;
using Feedback.Core.Responses;
using Feedback.Core.Storage;

namespace Feedback.Storage.Contract;

// IResponseStore: cursor paging of the list, and the stream behind CSV exports, which must agree with it.
public abstract partial class ResponseStoreContract<TAdapter>
{
    [Fact]
    public async Task ResponseListPagesByCursorWithoutGapsOrRepeats()
    {
        var samples = await AddPagingSamplesAsync();
        var expected = samples.Where(r => r.TemplateId == "tpl_a").Select(r => r.Id).ToList();

        var pages = await ReadAllResponsePagesAsync(new ResponseQuery { TemplateId = "tpl_a", Limit = 3 });

        Assert.Equal([3, 3, 3, 1], pages.Select(p => p.Count));
        Assert.Equal(expected, pages.SelectMany(p => p).Select(r => r.Id));
    }

    [Fact]
    public async Task ResponseListOfExactlyFullPagesEndsWithoutACursor()
    {
        Assert.Equal([0], (await ReadAllResponsePagesAsync(new ResponseQuery { Limit = 2 })).Select(p => p.Count));

        await AddResponsesAsync([.. Enumerable.Range(0, 4).Select(_ => SampleResponse())]);

        Assert.Equal([2, 2], (await ReadAllResponsePagesAsync(new ResponseQuery { Limit = 2 })).Select(p => p.Count));
    }

    [Fact]
    public async Task StreamReturnsWhatPagingThroughTheListReturns()
    {
        await AddPagingSamplesAsync();
        var survey = await AddSentSurveyAsync();
        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 3, "via e-mail"));

        var paged = (await ReadAllResponsePagesAsync(new ResponseQuery { Limit = 4 })).SelectMany(p => p).ToList();
        var streamed = await Responses.StreamAsync(new ResponseQuery()).ToListAsync();

        Assert.Equal(14, streamed.Count);
        AssertSameResponses(paged, streamed);
    }

    [Fact]
    public async Task StreamHonoursFiltersAndIgnoresThePagingFields()
    {
        var samples = await AddPagingSamplesAsync();
        var expected = samples.Where(r => r.TemplateId == "tpl_a" && r.Score >= 3).ToList();
        var query = new ResponseQuery { TemplateId = "tpl_a", MinScore = 3, Limit = 2, After = ResponsePosition.Of(samples[0]) };

        var streamed = await Responses.StreamAsync(query).ToListAsync();

        Assert.NotEmpty(expected);
        Assert.Contains(samples[0].Id, streamed.Select(r => r.Id));
        AssertSameResponses(expected, streamed);
    }

    [Fact]
    public async Task ListAndStreamAreInAnswerTimeOrderWhateverTheIdsAndPageOnTies()
    {
        var start = Time.GetUtcNow();
        var survey = await AddSentSurveyAsync();
        // Callers' ids sort before and after "rsp_…"; two answers share one instant, so the id breaks that tie.
        var early = SampleResponse() with { Id = "zendesk-call-9", AnsweredAt = start.AddHours(-2) };
        var tiedB = SampleResponse() with { Id = "b-phone", AnsweredAt = start.AddHours(-1) };
        var tiedA = SampleResponse() with { Id = "a-phone", AnsweredAt = start.AddHours(-1) };
        var late = SampleResponse() with { Id = "aaa-chat", AnsweredAt = start.AddHours(5) };
        await AddResponsesAsync(late, tiedB, early, tiedA);
        var (emailed, _, _) = await Responses.AnswerSurveyAsync(SampleAnswer(survey, 4, null));
        string[] expected = ["zendesk-call-9", "a-phone", "b-phone", emailed.Id, "aaa-chat"];

        var pages = await ReadAllResponsePagesAsync(new ResponseQuery { Limit = 2 });
        var streamed = await Responses.StreamAsync(new ResponseQuery()).ToListAsync();

        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(expected, pages.SelectMany(p => p).Select(r => r.Id));
        Assert.Equal(expected, streamed.Select(r => r.Id));
    }

    [Fact]
    public async Task AChangedAnswerKeepsItsPlaceInTheList()
    {
        var first = await AddSentSurveyAsync();
        var second = await AddSentSurveyAsync();
        await Responses.AnswerSurveyAsync(SampleAnswer(first, 2, null));
        await Responses.AnswerSurveyAsync(SampleAnswer(second, 5, null));
        var firstPage = await Responses.ListAsync(new ResponseQuery { Limit = 1 });
        Time.Advance(TimeSpan.FromHours(1));

        await Responses.AnswerSurveyAsync(SampleAnswer(first, 3, "Better after the call"));

        PageCursor.TryDecode(firstPage.NextCursor, out var key);
        var rest = await Responses.ListAsync(new ResponseQuery { Limit = 1, After = ResponsePosition.Parse(key!) });
        Assert.Equal(SurveyResponse.IdForSurvey(first.Id), Assert.Single(firstPage.Items).Id);
        Assert.Equal(SurveyResponse.IdForSurvey(second.Id), Assert.Single(rest.Items).Id);
        Assert.Null(rest.NextCursor);
    }

    /// <summary>Thirteen responses, ten of tpl_a with three of tpl_b in between, scores 1–5 in turn, stored newest first.</summary>
    private async Task<List<SurveyResponse>> AddPagingSamplesAsync()
    {
        var samples = Enumerable.Range(0, 13).Select(i => SampleResponse(i % 4 == 1 ? "tpl_b" : "tpl_a", score: i % 5 + 1)).ToList();
        samples[0] = samples[0] with { Score = 5 };
        await AddResponsesAsync([.. Enumerable.Reverse(samples)]);
        return samples;
    }

    /// <summary>Follows the cursors from the first page to the last and returns each page.</summary>
    private async Task<List<IReadOnlyList<SurveyResponse>>> ReadAllResponsePagesAsync(ResponseQuery query)
    {
        var pages = new List<IReadOnlyList<SurveyResponse>>();
        // The bound turns a cursor that never ends into a failure instead of a hang.
        while (pages.Count < 20)
        {
            var page = await Responses.ListAsync(query);
            pages.Add(page.Items);
            if (page.NextCursor is null)
            {
                return pages;
            }
            Assert.True(PageCursor.TryDecode(page.NextCursor, out var key), $"'{page.NextCursor}' is not a cursor");
            query = query with { After = ResponsePosition.Parse(key!) ?? throw new InvalidOperationException($"'{key}' is not a position") };
        }
        Assert.Fail($"Paging did not end after {pages.Count} pages.");
        return pages;
    }
}
