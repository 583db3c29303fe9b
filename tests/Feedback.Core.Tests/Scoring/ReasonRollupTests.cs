using Feedback.Core.Responses;
using Feedback.Core.Scoring;
using Feedback.Core.Templates;

namespace Feedback.Core.Tests.Scoring;

/// <summary>Reasons as a rollup dimension: an answer counts once per reason, or in (none) without any.</summary>
public sealed class ReasonRollupTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static SurveyResponse Answer(int score, params string[] reasons) => new()
    {
        Id = "rsp_srv_1", SurveyId = "srv_1", TemplateId = "tpl_1", Kind = SurveyKind.Csat, Score = score, Reasons = reasons,
        Locale = "en", CustomerId = "c", SubjectId = "s", Channel = "email", AnsweredAt = At, UpdatedAt = At,
    };

    private static Dictionary<string, int> ReasonCounts(IEnumerable<RollupDelta> deltas) => deltas
        .Where(d => d.Dimension == ScoreRollup.ReasonDimension)
        .GroupBy(d => d.Value)
        .ToDictionary(g => g.Key, g => g.Sum(d => d.Change));

    [Fact]
    public void AnAnswerCountsOnceInEachOfItsReasons()
    {
        var deltas = RollupKeys.OfAnswer(Answer(1, "slow", "rude"));

        Assert.Equal(new Dictionary<string, int> { ["slow"] = 1, ["rude"] = 1 }, ReasonCounts(deltas));
        Assert.All(deltas.Where(d => d.Dimension == ScoreRollup.ReasonDimension), d => Assert.Equal(1, d.Score));
    }

    [Fact]
    public void AnAnswerWithoutReasonsCountsInNone() =>
        Assert.Equal(new Dictionary<string, int> { [ScoreGroups.NoneKey] = 1 }, ReasonCounts(RollupKeys.OfAnswer(Answer(5))));

    [Fact]
    public void ChangedReasonsMoveTheCountsExactly()
    {
        var first = Answer(1, "slow", "rude");
        var deltas = RollupKeys.OfAnswer(Answer(2, "rude", "other"), first);

        Assert.Equal(new Dictionary<string, int> { ["slow"] = -1, ["rude"] = 0, ["other"] = 1 }, ReasonCounts(deltas));
        // −1 at the old score and +1 at the new in the row both answers count in.
        Assert.Equal([(1, -1), (2, 1)], deltas.Where(d => d.Dimension == ScoreRollup.ReasonDimension && d.Value == "rude").Select(d => (d.Score!.Value, d.Change)));
    }

    [Fact]
    public void ARawAnswerGroupsUnderEachReasonOrNone()
    {
        Assert.Equal(["slow", "rude"], RollupKeys.ValuesIn(Answer(1, "slow", "rude"), ScoreRollup.ReasonDimension));
        Assert.Equal([ScoreGroups.NoneKey], RollupKeys.ValuesIn(Answer(4), ScoreRollup.ReasonDimension));
        Assert.Equal(["email"], RollupKeys.ValuesIn(Answer(4), ScoreRollup.ChannelDimension));
        Assert.Empty(RollupKeys.ValuesIn(Answer(4), "agent"));
    }

    [Fact]
    public void ReasonGroupsOverlapAndTheirNoneGroupIsItsOwnRow()
    {
        var day = DateOnly.FromDateTime(At.UtcDateTime);
        var query = new ScoreQuery(SurveyKind.Csat, null, day, day.AddDays(1), null, ScoreRollup.ReasonDimension, 10, false, new Dictionary<string, string>());
        // Three answers: one with slow and rude (1), one with slow (2), one without a reason (5).
        var data = new ScoreData(
            [new DayTotals(day, Hist.Of((1, 1), (2, 1), (5, 1)), 0)],
            [new GroupTotals("slow", Hist.Of((1, 1), (2, 1)), 0), new GroupTotals("rude", Hist.Of((1, 1)), 0), new GroupTotals(ScoreGroups.NoneKey, Hist.Of((5, 1)), 0)],
            HasSent: true, ScoreSource.Rollups);

        var groups = ScoreReport.Build(query, data, null).Groups;

        Assert.Equal([("slow", 2L, false), ("rude", 1L, false), (ScoreGroups.NoneKey, 1L, true)],
            groups.Select(g => (g.Key, g.Figures.Summary.Responses, g.IsNone)));
    }
}
