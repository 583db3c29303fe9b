using Feedback.Core.Common;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;

namespace Feedback.Storage.Contract;

// ISurveyStore: the filtered, paged list behind GET /v1/surveys, and the quiet-period lookup of event ingestion.
public abstract partial class SurveyStoreContract<TAdapter>
{
    [Fact]
    public async Task SurveyListFiltersByStatusTemplateSubjectAndCustomer()
    {
        var a = SampleSurvey("tpl_a", "ticket-1", "cus_1");
        var b = SampleSurvey("tpl_b", "ticket-1", "cus_2");
        var c = SampleSentSurvey(Time.GetUtcNow(), null, Time.GetUtcNow().AddDays(14), "tpl_a") with
        {
            SubjectId = "ticket-2",
            Customer = a.Customer with { Id = "cus_2" },
        };
        var d = SampleSurvey("tpl_b", "ticket-2", "cus_1") with { Status = SurveyStatus.Cancelled, CancelledAt = Time.GetUtcNow() };
        // Stored newest first, so the order must come from the ids.
        await AddSurveysAsync(d, c, b, a);

        Assert.Equal([a.Id, b.Id, c.Id, d.Id], await ListSurveyIdsAsync(new SurveyQuery()));
        Assert.Equal([a.Id, b.Id], await ListSurveyIdsAsync(new SurveyQuery(Status: SurveyStatus.Scheduled)));
        Assert.Equal([d.Id], await ListSurveyIdsAsync(new SurveyQuery(Status: SurveyStatus.Cancelled)));
        Assert.Equal([a.Id, c.Id], await ListSurveyIdsAsync(new SurveyQuery(TemplateId: "tpl_a")));
        Assert.Equal([c.Id, d.Id], await ListSurveyIdsAsync(new SurveyQuery(SubjectId: "ticket-2")));
        Assert.Equal([b.Id, c.Id], await ListSurveyIdsAsync(new SurveyQuery(CustomerId: "cus_2")));
        Assert.Empty(await ListSurveyIdsAsync(new SurveyQuery(Status: SurveyStatus.Answered)));
        var combined = await Surveys.ListAsync(new SurveyQuery(SurveyStatus.Sent, "tpl_a", "ticket-2", "cus_2"));
        AssertSameSurvey(c, Assert.Single(combined.Items));
        Assert.Null(combined.NextCursor);
    }

    [Fact]
    public async Task SurveyListPagesByCursorWithoutGapsOrRepeats()
    {
        // Ten surveys of one template with three of another in between, stored newest first.
        var samples = Enumerable.Range(0, 13).Select(i => SampleSurvey(i % 4 == 1 ? "tpl_other" : "tpl_a")).ToList();
        await AddSurveysAsync([.. Enumerable.Reverse(samples)]);
        var expected = samples.Where(s => s.TemplateId == "tpl_a").Select(s => s.Id).ToList();

        var pages = await ReadAllSurveyPagesAsync(new SurveyQuery(TemplateId: "tpl_a", Limit: 3));

        Assert.Equal([3, 3, 3, 1], pages.Select(p => p.Count));
        Assert.Equal(expected, pages.SelectMany(p => p));
    }

    [Fact]
    public async Task SurveyListOfExactlyFullPagesEndsWithoutACursor()
    {
        Assert.Equal([0], (await ReadAllSurveyPagesAsync(new SurveyQuery(Limit: 2))).Select(p => p.Count));

        await AddSurveysAsync([.. Enumerable.Range(0, 4).Select(_ => SampleSurvey())]);

        Assert.Equal([2, 2], (await ReadAllSurveyPagesAsync(new SurveyQuery(Limit: 2))).Select(p => p.Count));
    }

    [Theory]
    [InlineData(SurveyStatus.Scheduled, true)]
    [InlineData(SurveyStatus.Sending, true)]
    [InlineData(SurveyStatus.Sent, true)]
    [InlineData(SurveyStatus.Answered, true)]
    [InlineData(SurveyStatus.Expired, true)]
    [InlineData(SurveyStatus.Cancelled, false)]
    [InlineData(SurveyStatus.Suppressed, false)]
    [InlineData(SurveyStatus.Failed, false)]
    public async Task SurveyedSinceCountsEverySurveyButCancelledSuppressedAndFailedOnes(SurveyStatus status, bool counts)
    {
        var since = Time.GetUtcNow().AddDays(-30);
        // Sent exactly at the start of the period: the bound is inclusive.
        await AddSurveysAsync(SampleSurvey("tpl_a", customerId: "cus_1", sendAt: since) with { Status = status });

        Assert.Equal(counts, await Surveys.SurveyedSinceAsync("cus_1", "tpl_a", since));
    }

    [Fact]
    public async Task SurveyedSinceIgnoresOtherTemplatesOtherCustomersAndOlderSurveys()
    {
        var since = Time.GetUtcNow().AddDays(-30);
        await AddSurveysAsync(
            SampleSurvey("tpl_b", customerId: "cus_1", sendAt: since.AddDays(1)),
            SampleSurvey("tpl_a", customerId: "cus_2", sendAt: since.AddDays(1)),
            SampleSurvey("tpl_a", customerId: "cus_1", sendAt: since.AddMilliseconds(-1)) with { Status = SurveyStatus.Sent });

        Assert.False(await Surveys.SurveyedSinceAsync("cus_1", "tpl_a", since));
        // Each of them counts where it belongs, so the false above is not a store that finds nothing.
        Assert.True(await Surveys.SurveyedSinceAsync("cus_1", "tpl_a", since.AddMilliseconds(-1)));
        Assert.True(await Surveys.SurveyedSinceAsync("cus_1", "tpl_b", since));
        Assert.True(await Surveys.SurveyedSinceAsync("cus_2", "tpl_a", since));
    }

    [Fact]
    public async Task LastQuietPeriodSendsAreTheLatestBlockingSendOfEachAskedCustomer()
    {
        var now = Time.GetUtcNow();
        await AddSurveysAsync(
            SampleSurvey("tpl_a", customerId: "cus_1", sendAt: now.AddDays(-9)),
            SampleSurvey("tpl_a", customerId: "cus_1", sendAt: now.AddDays(-3)) with { Status = SurveyStatus.Sent },
            SampleSurvey("tpl_a", customerId: "cus_1", sendAt: now.AddDays(-1)) with { Status = SurveyStatus.Cancelled },
            SampleSurvey("tpl_b", customerId: "cus_2", sendAt: now.AddDays(-2)),
            SampleSurvey("tpl_a", customerId: "cus_3", sendAt: now.AddDays(-5)),
            SampleSurvey("tpl_a", customerId: "cus_4", sendAt: now.AddDays(-4)));

        var last = await Surveys.LastQuietPeriodSendsAsync("tpl_a", ["cus_1", "cus_2", "cus_3"]);

        Assert.Equal(["cus_1", "cus_3"], last.Keys.Order());
        Assert.Equal(now.AddDays(-3), last["cus_1"]);
        Assert.Equal(now.AddDays(-5), last["cus_3"]);
    }

    private async Task<List<string>> ListSurveyIdsAsync(SurveyQuery query) =>
        (await Surveys.ListAsync(query)).Items.Select(s => s.Id).ToList();

    /// <summary>Follows the cursors from the first page to the last and returns the ids of each page.</summary>
    private async Task<List<List<string>>> ReadAllSurveyPagesAsync(SurveyQuery query)
    {
        var pages = new List<List<string>>();
        // The bound turns a cursor that never ends into a failure instead of a hang.
        while (pages.Count < 20)
        {
            var page = await Surveys.ListAsync(query);
            pages.Add(page.Items.Select(s => s.Id).ToList());
            if (page.NextCursor is null)
            {
                return pages;
            }
            Assert.True(PageCursor.TryDecode(page.NextCursor, out var after), $"'{page.NextCursor}' is not a cursor");
            query = query with { After = after };
        }
        Assert.Fail($"Paging did not end after {pages.Count} pages.");
        return pages;
    }
}
