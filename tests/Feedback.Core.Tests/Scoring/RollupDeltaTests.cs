using Feedback.Core.Responses;
using Feedback.Core.Scoring;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Core.Tests.Scoring;

public sealed class RollupDeltaTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 23, 30, 0, TimeSpan.FromHours(-2));

    [Fact]
    public void AFirstAnswerAddsOneAtItsScoreOnItsUtcDayInEachOfItsRows()
    {
        var deltas = RollupKeys.OfAnswer(Answer(9, At, agent: "maria"));

        Assert.Equal(
            [
                "tpl_1 2026-11-24 = Nps h9 +1", "tpl_1 2026-11-24 @channel=web Nps h9 +1", "tpl_1 2026-11-24 @reason=(none) Nps h9 +1",
                "tpl_1 2026-11-24 agent=maria Nps h9 +1",
            ],
            deltas.Select(Describe).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void OnlyAnAnswerToASentSurveyMovesTheAnsweredCountOfTheResponseRate()
    {
        var external = Answer(9, At, agent: "maria");
        var toSurvey = external with { Id = "rsp_srv_1", SurveyId = "srv_1", Channel = "email" };

        Assert.All(RollupKeys.OfAnswer(external), d => Assert.False(d.SurveyAnswer));
        Assert.All(RollupKeys.OfAnswer(toSurvey), d => Assert.True(d.SurveyAnswer));
        Assert.Equal([-1, -1, -1, -1, 1, 1, 1, 1], RollupKeys.OfAnswer(toSurvey with { Score = 3 }, toSurvey).Select(d => d.SurveyAnswer ? d.Change : 0));
    }

    [Fact]
    public void AChangedAnswerTakesItsOldCountBackFirstThenAddsTheNewOne()
    {
        var previous = Answer(2, At, agent: "maria");

        var deltas = RollupKeys.OfAnswer(Answer(7, At.AddDays(1), agent: "omer"), previous);

        Assert.Equal(
            [
                "tpl_1 2026-11-24 = Nps h2 -1", "tpl_1 2026-11-24 @channel=web Nps h2 -1", "tpl_1 2026-11-24 agent=maria Nps h2 -1",
                "tpl_1 2026-11-24 @reason=(none) Nps h2 -1",
                "tpl_1 2026-11-25 = Nps h7 +1", "tpl_1 2026-11-25 @channel=web Nps h7 +1", "tpl_1 2026-11-25 agent=omer Nps h7 +1",
                "tpl_1 2026-11-25 @reason=(none) Nps h7 +1",
            ],
            deltas.Select(Describe));
    }

    [Fact]
    public void ASendAddsOneSentOnTheSentDayInEachRowOnChannelEmail()
    {
        var survey = new Survey
        {
            Id = "srv_1", TemplateId = "tpl_1", TemplateVersion = 1, Kind = SurveyKind.Csat, SubjectId = "s",
            Customer = new Customer("c", "c@example.com", null, null, null), Locale = "en", Status = SurveyStatus.Sending, SendAt = At,
            CreatedAt = At, Token = "t", Properties = new Dictionary<string, string> { ["channel"] = "spoofed", ["agent"] = "dana" },
        };

        var deltas = RollupKeys.OfSend(survey, At.AddHours(-12));

        Assert.All(deltas, d => Assert.True(d.IsSend && !d.SurveyAnswer));
        Assert.Equal(
            [
                "tpl_1 2026-11-23 = Csat sent +1", "tpl_1 2026-11-23 @channel=email Csat sent +1", "tpl_1 2026-11-23 agent=dana Csat sent +1",
                "tpl_1 2026-11-23 channel=spoofed Csat sent +1",
            ],
            deltas.Select(Describe).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SendsOfABatchMoveEachRowOnceByTheirSum()
    {
        Survey Sent(string id, string templateId, string agent) => new()
        {
            Id = id, TemplateId = templateId, TemplateVersion = 1, Kind = SurveyKind.Csat, SubjectId = "s",
            Customer = new Customer("c", "c@example.com", null, null, null), Locale = "en", Status = SurveyStatus.Sending, SendAt = At,
            CreatedAt = At, Token = id, Properties = new Dictionary<string, string> { ["agent"] = agent },
        };
        Survey[] batch = [Sent("srv_1", "tpl_1", "dana"), Sent("srv_2", "tpl_1", "dana"), Sent("srv_3", "tpl_1", "eli"), Sent("srv_4", "tpl_2", "eli")];

        var deltas = RollupKeys.OfSends(batch, At.AddHours(-12));

        Assert.Equal(
            [
                "tpl_1 2026-11-23 = Csat sent +3", "tpl_1 2026-11-23 @channel=email Csat sent +3", "tpl_1 2026-11-23 agent=dana Csat sent +2",
                "tpl_1 2026-11-23 agent=eli Csat sent +1", "tpl_2 2026-11-23 = Csat sent +1", "tpl_2 2026-11-23 @channel=email Csat sent +1",
                "tpl_2 2026-11-23 agent=eli Csat sent +1",
            ],
            deltas.Select(Describe).Order(StringComparer.Ordinal));
        Assert.Equal(batch.Sum(s => RollupKeys.OfSend(s, At.AddHours(-12)).Count), deltas.Sum(d => d.Change));
    }

    private static string Describe(RollupDelta d) =>
        $"{d.TemplateId} {d.Day:yyyy-MM-dd} {d.Dimension}={d.Value} {d.Kind} {(d.Score is { } s ? $"h{s}" : "sent")} {d.Change:+0;-0}";

    private static SurveyResponse Answer(int score, DateTimeOffset at, string agent) => new()
    {
        Id = "rsp_1", TemplateId = "tpl_1", Kind = SurveyKind.Nps, Score = score, Locale = "en", CustomerId = "c", SubjectId = "s",
        Channel = "web", AnsweredAt = at, UpdatedAt = at, Properties = new Dictionary<string, string> { ["agent"] = agent },
    };
}
