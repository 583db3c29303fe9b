using Feedback.Core.Responses;
using Feedback.Core.Scoring;
using Feedback.Core.Templates;

namespace Feedback.Storage.Contract;

// IScoreRollupStore.QueryAsync filters, and a rebuild that finds what the stores counted as they went.
public abstract partial class RollupStoreContract<TAdapter>
{
    [Fact]
    public async Task QueryFiltersByKindTemplateDayRangeDimensionAndValue()
    {
        var monday = Time.GetUtcNow();
        await AddResponsesAsync(
            External("tpl_a", SurveyKind.Csat, 5, monday, "billing"),
            External("tpl_a", SurveyKind.Csat, 4, monday.AddDays(1), "billing"),
            External("tpl_a", SurveyKind.Csat, 3, monday.AddDays(2), "delivery"),
            External("tpl_b", SurveyKind.Csat, 2, monday.AddDays(1), "billing"),
            External("tpl_n", SurveyKind.Nps, 9, monday.AddDays(1), "billing"));
        var day = DayOf(monday);

        async Task<string[]> Find(RollupQuery q) => [.. (await Rollups.QueryAsync(q)).Select(Describe).Order(StringComparer.Ordinal)];
        var csat = new RollupQuery { Kind = SurveyKind.Csat, From = day, To = day.AddDays(3) };

        Assert.Equal(4, (await Find(csat)).Length);
        Assert.Equal(["tpl_n 2026-11-24 = Nps [0,0,0,0,0,0,0,0,0,1,0] sent 0 answered 0"], await Find(csat with { Kind = SurveyKind.Nps }));
        Assert.Equal(3, (await Find(csat with { TemplateId = "tpl_a" })).Length);
        // From inclusive, to exclusive.
        Assert.Equal(["tpl_a 2026-11-24 = Csat [0,0,0,0,1,0,0,0,0,0,0] sent 0 answered 0", "tpl_b 2026-11-24 = Csat [0,0,1,0,0,0,0,0,0,0,0] sent 0 answered 0"],
            await Find(csat with { From = day.AddDays(1), To = day.AddDays(2) }));
        Assert.Equal(
            ["tpl_a 2026-11-23 category=billing Csat [0,0,0,0,0,1,0,0,0,0,0] sent 0 answered 0", "tpl_a 2026-11-24 category=billing Csat [0,0,0,0,1,0,0,0,0,0,0] sent 0 answered 0",
             "tpl_a 2026-11-25 category=delivery Csat [0,0,0,1,0,0,0,0,0,0,0] sent 0 answered 0"],
            await Find(csat with { TemplateId = "tpl_a", Dimension = "category" }));
        Assert.Equal(["tpl_a 2026-11-25 category=delivery Csat [0,0,0,1,0,0,0,0,0,0,0] sent 0 answered 0"],
            await Find(csat with { TemplateId = "tpl_a", Dimension = "category", Value = "delivery" }));
        Assert.Equal(4, (await Find(csat with { Dimension = ScoreRollup.ChannelDimension, Value = "web" })).Length);
        Assert.Empty(await Find(csat with { Dimension = "category", Value = "Billing" }));
        Assert.Empty(await Find(csat with { Dimension = "agent" }));
    }

    [Fact]
    public async Task QuerySummingIntoBucketsGivesOneRowPerBucketAndValueWithTheCountsOfItsDaysAdded()
    {
        var monday = Time.GetUtcNow();
        var survey = await SendThroughOutboxAsync(SampleSurvey());
        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 2, null));
        await AddResponsesAsync(
            External("tpl_a", SurveyKind.Csat, 5, monday, "billing"),
            External("tpl_a", SurveyKind.Csat, 4, monday.AddDays(1), "billing"),
            External("tpl_a", SurveyKind.Csat, 3, monday.AddDays(2), "delivery"),
            External("tpl_b", SurveyKind.Csat, 2, monday.AddDays(1), "billing"),
            // Sunday, the next Monday, and the first of the next month.
            External("tpl_a", SurveyKind.Csat, 1, monday.AddDays(6), "billing"),
            External("tpl_a", SurveyKind.Csat, 1, monday.AddDays(7), "billing"),
            External("tpl_a", SurveyKind.Csat, 1, monday.AddDays(8), "delivery"));
        var day = DayOf(monday);
        var csat = new RollupQuery { Kind = SurveyKind.Csat, From = day, To = day.AddDays(3), Buckets = RollupBuckets.Period };

        async Task<string[]> Find(RollupQuery q) => [.. (await Rollups.QueryAsync(q)).Select(Describe).Order(StringComparer.Ordinal)];
        // A row carries its bucket's first day (the query's From for the period) and the query's template ("" across templates).
        Assert.Equal(
            ["tpl_a 2026-11-23 category=billing Csat [0,0,0,0,1,1,0,0,0,0,0] sent 0 answered 0",
             "tpl_a 2026-11-23 category=delivery Csat [0,0,0,1,0,0,0,0,0,0,0] sent 0 answered 0"],
            await Find(csat with { TemplateId = "tpl_a", Dimension = "category" }));
        Assert.Equal(
            ["tpl_a 2026-11-24 category=billing Csat [0,0,0,0,1,0,0,0,0,0,0] sent 0 answered 0",
             "tpl_a 2026-11-24 category=delivery Csat [0,0,0,1,0,0,0,0,0,0,0] sent 0 answered 0"],
            await Find(csat with { TemplateId = "tpl_a", Dimension = "category", From = day.AddDays(1) }));
        Assert.Equal([" 2026-11-23 category=billing Csat [0,0,1,0,1,1,0,0,0,0,0] sent 0 answered 0"],
            await Find(csat with { Dimension = "category", Value = "billing" }));
        Assert.Equal(" 2026-11-23 = Csat [0,0,2,1,1,1,0,0,0,0,0] sent 1 answered 1", Assert.Single(await Find(csat)));
        Assert.Empty(await Find(csat with { Dimension = "category", Value = "refund" }));
        Assert.Empty(await Find(csat with { Dimension = "category", From = day.AddDays(3), To = day.AddDays(4) }));

        // From a Tuesday: the first week and month start before it, and hold only the days from it on.
        var wide = csat with { TemplateId = "tpl_a", Dimension = "category", From = day.AddDays(1), To = day.AddDays(9) };
        Assert.Equal(
            ["tpl_a 2026-11-23 category=billing Csat [0,1,0,0,1,0,0,0,0,0,0] sent 0 answered 0",
             "tpl_a 2026-11-23 category=delivery Csat [0,0,0,1,0,0,0,0,0,0,0] sent 0 answered 0",
             "tpl_a 2026-11-30 category=billing Csat [0,1,0,0,0,0,0,0,0,0,0] sent 0 answered 0",
             "tpl_a 2026-11-30 category=delivery Csat [0,1,0,0,0,0,0,0,0,0,0] sent 0 answered 0"],
            await Find(wide with { Buckets = RollupBuckets.Week }));
        Assert.Equal(
            ["tpl_a 2026-11-01 category=billing Csat [0,2,0,0,1,0,0,0,0,0,0] sent 0 answered 0",
             "tpl_a 2026-11-01 category=delivery Csat [0,0,0,1,0,0,0,0,0,0,0] sent 0 answered 0",
             "tpl_a 2026-12-01 category=delivery Csat [0,1,0,0,0,0,0,0,0,0,0] sent 0 answered 0"],
            await Find(wide with { Buckets = RollupBuckets.Month }));
        // Whatever the dimension and buckets, the sums are what the days add up to, sends and answers to them included.
        wide = wide with { TemplateId = null };
        foreach (var (buckets, interval) in new (RollupBuckets, SeriesInterval?)[]
            { (RollupBuckets.Week, SeriesInterval.Week), (RollupBuckets.Month, SeriesInterval.Month), (RollupBuckets.Period, null) })
        {
            foreach (var dimension in new[] { ScoreRollup.All, ScoreRollup.ChannelDimension, "category", "agent" })
            {
                var days = await Rollups.QueryAsync(wide with { Dimension = dimension, Buckets = RollupBuckets.Day });
                var added = days.GroupBy(r => (Start: interval is { } i ? ScoreSeries.BucketStart(r.Day, i) : wide.From, r.Value)).Select(g => Describe(new ScoreRollup
                {
                    TemplateId = "", Kind = SurveyKind.Csat, Day = g.Key.Start, Dimension = dimension, Value = g.Key.Value,
                    Histogram = Histograms.Sum(g), Sent = g.Sum(r => r.Sent), Answered = g.Sum(r => r.Answered),
                })).Order(StringComparer.Ordinal);
                Assert.Equal(added, await Find(wide with { Dimension = dimension, Buckets = buckets }));
            }
        }
    }

    [Fact]
    public async Task RebuildFindsExactlyWhatWasCountedAsAnswersAndSendsHappened()
    {
        var answered = await SendThroughOutboxAsync(SampleSurvey());
        var changed = await SendThroughOutboxAsync(SampleSurvey(templateId: "tpl_other"));
        await SendThroughOutboxAsync(SampleSurvey());
        await Responses.AnswerSurveyAsync(SampleAnswer(answered, 4, null));
        await Responses.AnswerSurveyAsync(SampleAnswer(changed, 1, null));
        Time.Advance(TimeSpan.FromDays(1));
        await Responses.AnswerSurveyAsync(SampleAnswer(changed, 5, null) with { Properties = new Dictionary<string, string> { ["agent"] = "maria" } });
        await AddResponsesAsync(SampleResponse(score: 3), External("tpl_n", SurveyKind.Nps, 0, Time.GetUtcNow(), "billing"));
        await Responses.EraseCustomerAsync("cus_dana", Time.GetUtcNow());
        var counted = await RollupSnapshotAsync("agent", "ticket.subject", "category");

        var rebuild = await Rollups.RebuildAsync();

        Assert.Equal(counted, await RollupSnapshotAsync("agent", "ticket.subject", "category"));
        Assert.Equal((4L, 3L), (rebuild.Responses, rebuild.Sent));
        Assert.Equal(counted.Count, rebuild.Rows);
        Assert.Equal(counted, (await RebuildTwiceAsync(["agent", "ticket.subject", "category"])).Snapshot);
    }

    private async Task<(RollupRebuild Result, List<string> Snapshot)> RebuildTwiceAsync(string[] dimensions)
    {
        await Rollups.RebuildAsync();
        var result = await Rollups.RebuildAsync();
        return (result, await RollupSnapshotAsync(dimensions));
    }

    private SurveyResponse External(string templateId, SurveyKind kind, int score, DateTimeOffset answeredAt, string category) =>
        SampleResponse(templateId, score) with
        {
            Kind = kind, Channel = "web", AnsweredAt = answeredAt, Properties = new Dictionary<string, string> { ["category"] = category },
        };
}
