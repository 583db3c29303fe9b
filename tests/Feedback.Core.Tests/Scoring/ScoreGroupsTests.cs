using Feedback.Core.Scoring;

namespace Feedback.Core.Tests.Scoring;

public sealed class ScoreGroupsTests
{
    private static GroupTotals Group(string key, long answers, long sent = 0) => new(key, Hist.Of((9, answers)), sent);

    [Fact]
    public void TopGroupsByAnswersThenTheRestSummedIntoOther()
    {
        var (top, other) = ScoreGroups.Rank([Group("a", 1, 5), Group("b", 7), Group("c", 3, 2), Group("d", 3, 1)], top: 2);

        Assert.Equal(["b", "c"], top.Select(g => g.Key));
        Assert.Equal(ScoreGroups.OtherKey, other!.Key);
        Assert.Equal(4, other.Responses);
        Assert.Equal(6, other.Sent);
    }

    [Fact]
    public void NoOtherGroupWhenEverythingFits()
    {
        var (top, other) = ScoreGroups.Rank([Group("x", 2), Group("y", 2)], top: 10);

        Assert.Equal(["x", "y"], top.Select(g => g.Key));
        Assert.Null(other);
    }

    [Fact]
    public void AGivenOrderRanksTheKeptGroups()
    {
        var (top, _) = ScoreGroups.Rank(
            [Group("72h+", 9), Group("<4h", 1), Group("weird", 5), Group("<24h", 4)], top: 10, ResolutionTime.Buckets);

        Assert.Equal(["<4h", "<24h", "72h+", "weird"], top.Select(g => g.Key));
    }
}
