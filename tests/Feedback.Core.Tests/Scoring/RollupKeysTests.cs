using Feedback.Core.Responses;
using Feedback.Core.Scoring;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Core.Tests.Scoring;

public sealed class RollupKeysTests
{
    [Fact]
    public void AnAnswerCountsInTheAllRowItsChannelAndEachPropertyWithAUsableValue()
    {
        var dimensions = RollupKeys.Dimensions("phone", new Dictionary<string, string>
        {
            ["agent"] = "maria", ["priority"] = "", ["note"] = new string('x', RollupKeys.MaxValueLength + 1),
            ["sku"] = new string('y', RollupKeys.MaxValueLength), ["channel"] = "spoofed",
        });

        Assert.Equal(
            [("", ""), (ScoreRollup.ChannelDimension, "phone"), ("agent", "maria"), ("channel", "spoofed"), ("sku", new string('y', RollupKeys.MaxValueLength))],
            dimensions.Select(d => (d.Key, d.Value)).OrderBy(d => d.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void TheDayIsTheUtcDay()
    {
        Assert.Equal(new DateOnly(2026, 11, 24), RollupKeys.Day(new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.FromHours(-2))));
        Assert.Equal(new DateOnly(2026, 11, 22), RollupKeys.Day(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.FromHours(3))));
    }

    [Fact]
    public void TallyCountsAnswersAtTheirScoreAndSendsOnTheirSentDay()
    {
        var at = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var tally = new RollupTally(RollupPairs.None);
        tally.AddResponse(Answer(9, at));
        tally.AddResponse(Answer(9, at) with { Properties = new Dictionary<string, string> { ["agent"] = "omer" } });
        tally.AddResponse(Answer(0, at.AddDays(1)));
        tally.AddResponse(Answer(10, at) with { Id = "rsp_srv_1", SurveyId = "srv_1", Channel = "email" });
        tally.AddSent(Sent(at.AddDays(-1)));

        var rows = tally.ToRollups().ToDictionary(r => $"{r.Day:MM-dd} {r.Dimension}={r.Value}");

        // Two days of answers have a @reason=(none) row each: answers without reasons count there.
        Assert.Equal((4L, 1L, 11), (tally.Responses, tally.Sent, rows.Count));
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1], rows["11-23 @reason=(none)"].Histogram);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1], rows["11-23 ="].Histogram);
        Assert.Equal(1, rows["11-23 ="].Answered);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0], rows["11-23 agent=omer"].Histogram);
        Assert.Equal(0, rows["11-23 agent=omer"].Answered);
        Assert.Equal([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], rows["11-24 @channel=web"].Histogram);
        Assert.Equal(1, rows["11-22 @channel=email"].Sent);
        Assert.Equal(1, rows["11-22 agent=dana"].Sent);
        Assert.Throws<ArgumentException>(() => tally.AddSent(Sent(at) with { SentAt = null }));
    }

    private static SurveyResponse Answer(int score, DateTimeOffset at) => new()
    {
        Id = $"r-{score}-{at:dd}", TemplateId = "tpl_1", Kind = SurveyKind.Nps, Score = score, Locale = "en", CustomerId = "c", SubjectId = "s",
        Channel = "web", AnsweredAt = at, UpdatedAt = at,
    };

    private static Survey Sent(DateTimeOffset at) => new()
    {
        Id = "srv_1", TemplateId = "tpl_1", TemplateVersion = 1, Kind = SurveyKind.Nps, SubjectId = "s",
        Customer = new Customer("c", "c@example.com", null, null, null), Locale = "en", Status = SurveyStatus.Sent, SendAt = at,
        CreatedAt = at, Token = "t", SentAt = at, Properties = new Dictionary<string, string> { ["agent"] = "dana" },
    };
}
