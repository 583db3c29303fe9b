using Feedback.Api.Tests.Answers;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests.Scores;

/// <summary>Event → survey → sent → answered → CSAT by resolution time, through the real scheduler, dispatcher and answer page.</summary>
public sealed class ResolutionTimeViewTests : AnswerPagesFixture
{
    [Fact]
    public async Task CsatByResolutionTimeComesFromEventPropertiesAndFollowsAChangedAnswer()
    {
        await CreateTemplateAsync();
        var now = Factory.Time.GetUtcNow();
        var quick = await SendSurveyAsync("e-quick", email: "a@example.sk", change: e => e["properties"]!["resolutionHours"] = 1.5);
        var slow = await SendSurveyAsync("e-slow", email: "b@example.sk", change: e => e["properties"]!["openedAt"] = now.AddHours(-80).ToString("O"));
        await SendSurveyAsync("e-plain", email: "c@example.sk");
        await PostFormAsync($"/s/{slow.Token}", ("score", "2"));
        await PostFormAsync($"/s/{quick.Token}", ("score", "5"));

        var before = await Factory.ScoresAsync("/v1/scores/csat?groupBy=resolutionTime");
        await PostFormAsync($"/s/{quick.Token}", ("score", "1"));
        var after = await Factory.ScoresAsync("/v1/scores/csat?groupBy=resolutionTime");

        Assert.Equal("<4h", quick.Properties["resolutionTime"]);
        // e-plain has no resolution time: sent, not answered, it is the (none) group's send.
        Assert.Equal(["<4h:1:100", "72h+:1:0", "(none):0:null"], ScoreSeeds.Groups(before));
        Assert.Equal((2, 50.0, 3L, 0.6667), ((int)before["responses"]!, (double)before["score"]!, (long)before["sent"]!, (double)before["responseRate"]!));
        Assert.Equal((1L, 1.0), ((long)before["groups"]![0]!["sent"]!, (double)before["groups"]![0]!["responseRate"]!));
        Assert.Equal(["<4h:1:0", "72h+:1:0", "(none):0:null"], ScoreSeeds.Groups(after));
        Assert.Equal((2, 0.0), ((int)after["responses"]!, (double)after["score"]!));
    }
}
