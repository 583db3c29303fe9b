using Feedback.Core.Common;
using Feedback.Core.FollowUps;
using Feedback.Core.Responses;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Core.Tests.FollowUps;

public sealed class FollowUpOpeningTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly FollowUpSource Source = new(new FollowUpPolicy(6, IsoDuration.Parse("PT24H")), new Customer("c-1", "a@example.sk", "Ján", "sk", "Europe/Bratislava"));

    private static SurveyResponse Answer(int score, string? comment = null, int minutes = 0) => new()
    {
        Id = "rsp_srv_1", SurveyId = "srv_1", TemplateId = "tpl_1", Kind = SurveyKind.Nps, Score = score, Comment = comment, Locale = "sk",
        CustomerId = "c-1", SubjectId = "t-1", Channel = Channels.Email, AnsweredAt = At, UpdatedAt = At.AddMinutes(minutes),
    };

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void ScoreAtOrBelowMaxScoreOpensOneDueAfterTheAnswer(int score)
    {
        var open = FollowUpOpening.OfAnswer(Answer(score), null, Source)!.Open!;

        Assert.Equal((score, At.AddHours(24), FollowUpStatus.Open, 1), (open.Score, open.DueAt, open.Status, open.Version));
        Assert.Null(open.Customer.TimeZone);
    }

    [Fact]
    public void FirstAnswerAboveTheRangeOrWithoutPolicyChangesNothing()
    {
        Assert.Null(FollowUpOpening.OfAnswer(Answer(7), null, Source));
        Assert.Null(FollowUpOpening.OfAnswer(Answer(0), null, Source with { Policy = null }));
        Assert.Null(FollowUpOpening.OfAnswer(Answer(0), null, null));
    }

    [Fact]
    public void ChangeOutOfTheRangeOpensNothingAndNotesTheChange()
    {
        var change = FollowUpOpening.OfAnswer(Answer(9, minutes: 5), Answer(3), Source)!;

        Assert.Null(change.Open);
        Assert.Equal(9, change.Score);
        Assert.Equal("The customer changed the score from 3 to 9, above followUp.maxScore.", change.Note!.Text);
    }

    [Fact]
    public void TheFollowUpCarriesTheAnswersReasonsAndAChangedAnswersNewOnes()
    {
        var open = FollowUpOpening.OfAnswer(Answer(2) with { Reasons = ["slow_response"] }, null, Source)!.Open!;
        var change = FollowUpOpening.OfAnswer(Answer(2, minutes: 5) with { Reasons = ["not_solved", "rude"] }, Answer(2), Source)!;

        var changed = change.ApplyTo(open)!;

        Assert.Equal(["slow_response"], open.Reasons);
        Assert.Equal(["not_solved", "rude"], changed.Reasons);
        Assert.Empty(changed.Notes);
    }

    [Fact]
    public void ApplyingTheSameChangeTwiceChangesNothingTheSecondTime()
    {
        var existing = FollowUpOpening.OfAnswer(Answer(3), null, Source)!.Open!;
        var change = FollowUpOpening.OfAnswer(Answer(5, "Still nothing", minutes: 5), Answer(3), Source)!;

        var once = change.ApplyTo(existing)!;

        Assert.Equal((5, "Still nothing", 2, 1), (once.Score, once.Comment, once.Version, once.Notes.Count));
        Assert.Null(change.ApplyTo(once));
    }

    [Fact]
    public void ErasureBlanksTheCustomerOnce()
    {
        var erased = FollowUpOpening.OfAnswer(Answer(3, "Call me"), null, Source)!.Open!.Erased(At)!;

        Assert.Equal((null, null, "erased@invalid"), (erased.Comment, erased.Customer.Name, erased.Customer.Email));
        Assert.Null(erased.Erased(At));
    }

    [Fact]
    public void StatsCountResolvedWithinDueAndTheMedianHours()
    {
        var open = FollowUpOpening.OfAnswer(Answer(3), null, Source)!.Open!;
        var tally = new FollowUpStats.Tally();
        tally.Add(open with { Status = FollowUpStatus.Resolved, ResolvedAt = open.CreatedAt.AddHours(2) });
        tally.Add(open with { Status = FollowUpStatus.Resolved, ResolvedAt = open.CreatedAt.AddHours(30), Overdue = true });
        tally.Add(open with { Overdue = true });
        tally.Add(open with { Status = FollowUpStatus.InProgress });

        Assert.Equal(new FollowUpStats(4, 2, 2, 1, 0.5, 16), tally.ToStats());
    }

    [Fact]
    public void StatsOfNothingResolvedHaveNoRatios()
    {
        Assert.Equal(new FollowUpStats(0, 0, 0, 0, null, null), new FollowUpStats.Tally().ToStats());
    }

    [Theory]
    [InlineData("open", FollowUpStatus.Open)]
    [InlineData("in_progress", FollowUpStatus.InProgress)]
    [InlineData("resolved", FollowUpStatus.Resolved)]
    public void StatusNamesReadBack(string name, FollowUpStatus status)
    {
        Assert.True(FollowUpStatuses.TryParse(name, out var parsed));
        Assert.Equal(status, parsed);
        Assert.Equal(name, status.Name());
        Assert.False(FollowUpStatuses.TryParse("inProgress", out _));
    }
}
