using Feedback.Core.Responses;
using Feedback.Core.Storage;
using Feedback.Core.Templates;

namespace Feedback.Storage.Contract;

// IResponseStore: every filter of ResponseQuery, alone and combined, on four responses that differ in each field.
public abstract partial class ResponseStoreContract<TAdapter>
{
    [Fact]
    public async Task ResponseListWithoutFiltersReturnsEveryResponseById()
    {
        var (r1, r2, r3, r4) = await AddFilterSamplesAsync();

        Assert.Equal([r1, r2, r3, r4], await ListResponseIdsAsync(new ResponseQuery()));
    }

    [Fact]
    public async Task ResponseListFiltersByTemplateKindAndCustomer()
    {
        var (r1, r2, r3, r4) = await AddFilterSamplesAsync();

        Assert.Equal([r1, r2, r4], await ListResponseIdsAsync(new ResponseQuery { TemplateId = "tpl_a" }));
        Assert.Equal([r1, r2], await ListResponseIdsAsync(new ResponseQuery { Kind = SurveyKind.Nps }));
        Assert.Equal([r3], await ListResponseIdsAsync(new ResponseQuery { Kind = SurveyKind.Csat }));
        Assert.Equal([r1, r3], await ListResponseIdsAsync(new ResponseQuery { CustomerId = "cus_1" }));
        Assert.Empty(await ListResponseIdsAsync(new ResponseQuery { TemplateId = "tpl_none" }));
    }

    [Fact]
    public async Task ResponseListBoundsAnswerTimeFromInclusiveToExclusive()
    {
        var (r1, r2, r3, r4) = await AddFilterSamplesAsync();
        var t2 = (await Responses.GetAsync(r2))!.AnsweredAt;
        var t3 = (await Responses.GetAsync(r3))!.AnsweredAt;

        Assert.Equal([r2, r3, r4], await ListResponseIdsAsync(new ResponseQuery { From = t2 }));
        Assert.Equal([r3, r4], await ListResponseIdsAsync(new ResponseQuery { From = t2.AddMilliseconds(1) }));
        Assert.Equal([r1, r2], await ListResponseIdsAsync(new ResponseQuery { To = t3 }));
        Assert.Equal([r1, r2, r3], await ListResponseIdsAsync(new ResponseQuery { To = t3.AddMilliseconds(1) }));
        Assert.Equal([r2], await ListResponseIdsAsync(new ResponseQuery { From = t2, To = t3 }));
    }

    [Fact]
    public async Task ResponseListBoundsScoresInclusively()
    {
        var (r1, r2, r3, r4) = await AddFilterSamplesAsync();

        Assert.Equal([r1, r3], await ListResponseIdsAsync(new ResponseQuery { MinScore = 5 }));
        Assert.Equal([r2, r4], await ListResponseIdsAsync(new ResponseQuery { MaxScore = 3 }));
        Assert.Equal([r2, r3], await ListResponseIdsAsync(new ResponseQuery { MinScore = 3, MaxScore = 5 }));
    }

    [Fact]
    public async Task ResponseListFiltersByWhetherACommentWasGiven()
    {
        var (r1, r2, r3, r4) = await AddFilterSamplesAsync();

        Assert.Equal([r1, r3], await ListResponseIdsAsync(new ResponseQuery { HasComment = true }));
        Assert.Equal([r2, r4], await ListResponseIdsAsync(new ResponseQuery { HasComment = false }));
    }

    [Fact]
    public async Task ResponseListUpdatedSinceIsInclusiveAndReadsTheUpdateTimeNotTheAnswerTime()
    {
        var (r1, r2, _, r4) = await AddFilterSamplesAsync();
        var t4 = (await Responses.GetAsync(r4))!.UpdatedAt;

        // r1 was answered first but its comment came last.
        Assert.Equal([r1, r4], await ListResponseIdsAsync(new ResponseQuery { UpdatedSince = t4 }));
        Assert.Equal([r1], await ListResponseIdsAsync(new ResponseQuery { UpdatedSince = t4.AddMilliseconds(1) }));
        Assert.Equal([r4], await ListResponseIdsAsync(new ResponseQuery { From = t4 }));
        Assert.Contains(r2, await ListResponseIdsAsync(new ResponseQuery { UpdatedSince = t4.AddDays(-30) }));
    }

    [Fact]
    public async Task ResponseListMatchesEveryGivenPropertyExactly()
    {
        var (r1, r2, r3, _) = await AddFilterSamplesAsync();

        Assert.Equal([r1, r3], await ListResponseIdsAsync(Properties(("region", "eu"))));
        Assert.Equal([r1, r2], await ListResponseIdsAsync(Properties(("plan", "pro"))));
        Assert.Equal([r1], await ListResponseIdsAsync(Properties(("region", "eu"), ("plan", "pro"))));
        // A name with a '.' is one name, not a path.
        Assert.Equal([r2], await ListResponseIdsAsync(Properties(("ticket.subject", "המדפסת לא מדפיסה"))));
        Assert.Equal([r3], await ListResponseIdsAsync(Properties(("priority", ""))));
        Assert.Empty(await ListResponseIdsAsync(Properties(("region", "EU"))));
        Assert.Empty(await ListResponseIdsAsync(Properties(("region", "e"))));
        Assert.Empty(await ListResponseIdsAsync(Properties(("plan", ""))));
    }

    [Fact]
    public async Task ResponseListCombinesFiltersWithAnd()
    {
        var (r1, r2, _, r4) = await AddFilterSamplesAsync();
        var t1 = (await Responses.GetAsync(r1))!.AnsweredAt;

        Assert.Equal([r2], await ListResponseIdsAsync(new ResponseQuery { TemplateId = "tpl_a", HasComment = false, MinScore = 2 }));
        Assert.Equal([r4], await ListResponseIdsAsync(new ResponseQuery { TemplateId = "tpl_a", Kind = SurveyKind.Ces, CustomerId = "cus_3" }));
        Assert.Equal([r1], await ListResponseIdsAsync(Properties(("region", "eu")) with { TemplateId = "tpl_a", From = t1, To = t1.AddDays(1), MaxScore = 9 }));
        // Each matches something alone, nothing together.
        Assert.Empty(await ListResponseIdsAsync(new ResponseQuery { CustomerId = "cus_2", HasComment = true }));
        Assert.Empty(await ListResponseIdsAsync(Properties(("region", "us")) with { Kind = SurveyKind.Csat }));
    }

    /// <summary>
    /// r1..r4 in id order, stored newest first, a day apart in answer time; each filter value picks a different subset.
    /// r1 (tpl_a, NPS 9, comment, cus_1, eu/pro, updated last), r2 (tpl_a, NPS 3, cus_2, us/pro, dotted property),
    /// r3 (tpl_b, CSAT 5, comment, cus_1, eu, empty property), r4 (tpl_a, CES 1, cus_3, no properties).
    /// </summary>
    private async Task<(string, string, string, string)> AddFilterSamplesAsync()
    {
        var t0 = Time.GetUtcNow().AddMilliseconds(7);
        SurveyResponse Sample(string template, SurveyKind kind, int score, string? comment, string customer, int day, params (string, string)[] properties) =>
            SampleResponse(template, score, comment, customer) with
            {
                Kind = kind,
                Properties = properties.ToDictionary(p => p.Item1, p => p.Item2),
                AnsweredAt = t0.AddDays(day),
                UpdatedAt = t0.AddDays(day),
            };
        var r1 = Sample("tpl_a", SurveyKind.Nps, 9, "Great support", "cus_1", 0, ("region", "eu"), ("plan", "pro")) with { UpdatedAt = t0.AddDays(4) };
        var r2 = Sample("tpl_a", SurveyKind.Nps, 3, null, "cus_2", 1, ("region", "us"), ("plan", "pro"), ("ticket.subject", "המדפסת לא מדפיסה"));
        var r3 = Sample("tpl_b", SurveyKind.Csat, 5, "תודה רבה", "cus_1", 2, ("region", "eu"), ("priority", ""));
        var r4 = Sample("tpl_a", SurveyKind.Ces, 1, null, "cus_3", 3);
        await AddResponsesAsync(r4, r3, r2, r1);
        return (r1.Id, r2.Id, r3.Id, r4.Id);
    }

    private static ResponseQuery Properties(params (string Name, string Value)[] properties) =>
        new() { Properties = properties.ToDictionary(p => p.Name, p => p.Value) };

    private async Task<List<string>> ListResponseIdsAsync(ResponseQuery query) =>
        (await Responses.ListAsync(query)).Items.Select(r => r.Id).ToList();
}
