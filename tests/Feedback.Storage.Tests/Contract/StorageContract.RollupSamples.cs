using Feedback.Core.Scoring;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Storage.Tests.Contract;

// Helpers of the rollup contract tests: sending through the outbox, reading rows in a comparable form.
public abstract partial class StorageContract
{
    /// <summary>Far enough around every sample's day that a query over it sees every row.</summary>
    private static readonly (DateOnly From, DateOnly To) AllDays = (new DateOnly(2020, 1, 1), new DateOnly(2040, 1, 1));

    protected IScoreRollupStore Rollups => Services.GetRequiredService<IScoreRollupStore>();

    /// <summary>Stores <paramref name="survey"/> (scheduled) and sends it now through the outbox, as the dispatcher does.</summary>
    protected async Task<Survey> SendThroughOutboxAsync(Survey survey)
    {
        var now = Time.GetUtcNow();
        await AddSurveysAsync(survey with { SendAt = now });
        var claimed = Assert.Single(await Outbox.ClaimDueAsync(now, "rollup-worker", TimeSpan.FromMinutes(5), 1));
        Assert.Equal(1, await Outbox.MarkSentAsync([claimed.Id], "rollup-worker", now, null, now.AddDays(14)));
        return (await Surveys.GetAsync(survey.Id))!;
    }

    /// <summary>One row of the all dimension (or of <paramref name="dimension"/>=<paramref name="value"/>) on <paramref name="day"/>; null when none.</summary>
    protected async Task<ScoreRollup?> RollupAsync(DateOnly day, string dimension = ScoreRollup.All, string value = ScoreRollup.All,
        string templateId = "tpl_csat", SurveyKind kind = SurveyKind.Csat) =>
        (await Rollups.QueryAsync(new RollupQuery
        {
            Kind = kind, TemplateId = templateId, From = day, To = day.AddDays(1), Dimension = dimension, Value = value,
        })).SingleOrDefault();

    /// <summary>Every non-empty row of the given dimensions, as sorted text, so two states compare with one Assert.Equal.</summary>
    protected async Task<List<string>> RollupSnapshotAsync(params string[] dimensions)
    {
        var rows = new List<string>();
        foreach (var kind in Enum.GetValues<SurveyKind>())
        {
            foreach (var dimension in dimensions.Prepend(ScoreRollup.All).Append(ScoreRollup.ChannelDimension).Distinct())
            {
                var found = await Rollups.QueryAsync(new RollupQuery { Kind = kind, From = AllDays.From, To = AllDays.To, Dimension = dimension });
                rows.AddRange(found.Where(r => r.Sent != 0 || r.Histogram.Any(c => c != 0)).Select(Describe));
            }
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    protected static string Describe(ScoreRollup r) =>
        $"{r.TemplateId} {r.Day:yyyy-MM-dd} {r.Dimension}={r.Value} {r.Kind} [{string.Join(',', r.Histogram)}] sent {r.Sent}";

    /// <summary>A histogram with one count at each given score.</summary>
    protected static long[] Counts(params int[] scores)
    {
        var histogram = new long[ScoreRollup.HistogramLength];
        foreach (var score in scores)
        {
            histogram[score]++;
        }
        return histogram;
    }

    protected static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}
