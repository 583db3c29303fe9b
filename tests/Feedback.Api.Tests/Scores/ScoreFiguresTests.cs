using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests.Scores;

/// <summary>Hand-computed scores of answers recorded through the API, read back from the real SQLite rollups.</summary>
public sealed class ScoreFiguresTests(SharedFeedbackApi api) : IClassFixture<SharedFeedbackApi>
{
    private FeedbackApiFactory Factory => api.Factory;

    [Fact]
    public async Task NpsCountsClassesWithItsIntervalOverTheLast30Days()
    {
        // p = 0.6, d = 0.2: 40 ± 1.96·100·√(0.64/10) = 40 ± 49.6. The default period is the 30 days to today: 10-25 … 11-23.
        var id = await Factory.SeedAsync("nps",
            [.. new Answer(10).Times(4), .. new Answer(9).Times(2), new(8), new(7), new(6), new(0), new(10, Day: "2026-10-24")]);

        var nps = await Factory.ScoresAsync($"/v1/scores/nps?templateId={id}");

        Assert.Equal("nps", (string)nps["kind"]!);
        Assert.Equal(("2026-10-25", "2026-11-24"), ((string)nps["from"]!, (string)nps["to"]!));
        Assert.Equal((10, 40.0, 6, 2, 2), ((int)nps["responses"]!, (double)nps["score"]!, (int)nps["promoters"]!, (int)nps["passives"]!, (int)nps["detractors"]!));
        Assert.Equal((-9.6, 89.6), ((double)nps["confidence95"]!["low"]!, (double)nps["confidence95"]!["high"]!));
        Assert.True((bool)nps["smallSample"]!);
        Assert.Equal(("rollups", 0L), ((string)nps["source"]!, (long)nps["sent"]!));
        Assert.Null(nps["responseRate"]);
        Assert.True(nps.ContainsKey("satisfied"));
        Assert.Null(nps["satisfied"]);
        Assert.Null(nps["previous"]);
        Assert.Empty(nps["series"]!.AsArray());
        Assert.Empty(nps["groups"]!.AsArray());
    }

    [Fact]
    public async Task CsatIsTheShareOfFoursAndFivesWithTheWilsonInterval()
    {
        var id = await Factory.SeedAsync("csat", [.. new Answer(5).Times(5), .. new Answer(4).Times(3), new(3), new(1)]);

        var csat = await Factory.ScoresAsync($"/v1/scores/csat?templateId={id}");

        Assert.Equal((10, 8, 80.0), ((int)csat["responses"]!, (int)csat["satisfied"]!, (double)csat["score"]!));
        Assert.Equal((49.0, 94.3), ((double)csat["confidence95"]!["low"]!, (double)csat["confidence95"]!["high"]!));
        Assert.Null(csat["promoters"]);
    }

    [Fact]
    public async Task CesIsTheMeanWithTheStudentTInterval()
    {
        // 1..5: 3 ± t(0.975, 4)·√(2.5/5) = 3 ± 1.96.
        var id = await Factory.SeedAsync("ces", new(1), new(2), new(3), new(4), new(5));

        var ces = await Factory.ScoresAsync($"/v1/scores/ces?templateId={id}");

        Assert.Equal((5, 3.0, 3.0), ((int)ces["responses"]!, (double)ces["mean"]!, (double)ces["score"]!));
        Assert.Equal((1.04, 4.96), ((double)ces["confidence95"]!["low"]!, (double)ces["confidence95"]!["high"]!));
    }

    [Fact]
    public async Task SeriesBucketsByIsoWeekAndMonth()
    {
        var id = await Factory.SeedAsync("csat", new(5, "2026-11-02"), new(1, "2026-11-08"), new(5, "2026-11-09"), new(4, "2026-11-20"));

        var weeks = await Factory.ScoresAsync($"/v1/scores/csat?templateId={id}&from=2026-11-01&to=2026-11-24&interval=week");
        var months = await Factory.ScoresAsync($"/v1/scores/csat?templateId={id}&from=2026-10-01T00:00:00Z&to=2026-12-01&interval=month");
        var days = await Factory.ScoresAsync($"/v1/scores/csat?templateId={id}&from=2026-11-01&to=2026-11-24&interval=day");

        Assert.Equal(["2026-10-26:0:null", "2026-11-02:2:50", "2026-11-09:1:100", "2026-11-16:1:100", "2026-11-23:0:null"], Series(weeks));
        Assert.Equal(["2026-10-01:0:null", "2026-11-01:4:75"], Series(months));
        Assert.Equal(23, days["series"]!.AsArray().Count);
        Assert.Equal("2026-11-08:1:0", Series(days)[7]);
    }

    [Fact]
    public async Task GroupsAreSortedByAnswersWithTheRestInOther()
    {
        var id = await Factory.SeedAsync("csat",
            new(5), new(5), new(1), new(5, Category: "billing"), new(5, Category: "billing"), new(1, Category: "returns"), new(4, Category: "misc", Channel: "chat"));

        var top2 = await Factory.ScoresAsync($"/v1/scores/csat?templateId={id}&groupBy=category&top=2");
        var channels = await Factory.ScoresAsync($"/v1/scores/csat?templateId={id}&groupBy=channel");

        Assert.Equal(["delivery:3:66.7", "billing:2:100", "(other):2:50"], ScoreSeeds.Groups(top2));
        Assert.True((bool)top2["groups"]![2]!["other"]!);
        Assert.False((bool)top2["groups"]![0]!["other"]!);
        Assert.Equal(7, (int)top2["responses"]!);
        Assert.Equal(["phone:6:66.7", "chat:1:100"], ScoreSeeds.Groups(channels));
    }

    [Fact]
    public async Task OnePropertyIsReadFromRollupsAndTwoFromTheAnswers()
    {
        var id = await Factory.SeedAsync("csat",
            new(5), new(1, Agent: "jan"), new(5), new(5, Category: "billing"), new(2, Category: "billing", Agent: "jan", Channel: "chat"));

        var filtered = await Factory.ScoresAsync($"/v1/scores/csat?templateId={id}&property.category=delivery&groupBy=category");
        var crossed = await Factory.ScoresAsync($"/v1/scores/csat?templateId={id}&property.category=delivery&groupBy=agent");
        var channel = await Factory.ScoresAsync($"/v1/scores/csat?templateId={id}&property.category=billing&channel=chat");

        Assert.Equal(("rollups", 3, 66.7), ((string)filtered["source"]!, (int)filtered["responses"]!, (double)filtered["score"]!));
        Assert.Equal(["delivery:3:66.7"], ScoreSeeds.Groups(filtered));
        Assert.Equal(("responses", 3, 66.7), ((string)crossed["source"]!, (int)crossed["responses"]!, (double)crossed["score"]!));
        Assert.Null(crossed["sent"]);
        Assert.Equal(["maria:2:100", "jan:1:0"], ScoreSeeds.Groups(crossed));
        Assert.Equal(("responses", 1, 0.0), ((string)channel["source"]!, (int)channel["responses"]!, (double)channel["score"]!));
    }

    [Fact]
    public async Task CompareToPreviousTestsTheChange()
    {
        // 10 promoters now, 10 detractors before: pooled z = 200 / 44.7 = 4.5.
        var id = await Factory.SeedAsync("nps", [.. new Answer(10, "2026-11-15").Times(10), .. new Answer(0, "2026-11-01").Times(10)]);

        var nps = await Factory.ScoresAsync($"/v1/scores/nps?templateId={id}&from=2026-11-10&to=2026-11-20&compareTo=previous");
        var flat = await Factory.ScoresAsync($"/v1/scores/nps?templateId={id}&from=2026-11-14&to=2026-11-16&compareTo=previous");

        var previous = nps["previous"]!;
        Assert.Equal(("2026-10-31", "2026-11-10", 10, -100.0), ((string)previous["from"]!, (string)previous["to"]!, (int)previous["responses"]!, (double)previous["score"]!));
        Assert.Equal((200.0, true), ((double)nps["change"]!["score"]!, (bool)nps["change"]!["significant"]!));
        Assert.Equal(0, (int)flat["previous"]!["responses"]!);
        Assert.Null(flat["change"]!["significant"]);
        Assert.Null((await Factory.ScoresAsync($"/v1/scores/nps?templateId={id}"))["change"]);
    }

    [Fact]
    public async Task RebuildGivesTheSameScores()
    {
        var id = await Factory.SeedAsync("nps", new(10), new(3, Category: "billing"), new(8, "2026-11-02", Channel: "chat"));
        var url = $"/v1/scores/nps?templateId={id}&groupBy=category&interval=week&compareTo=previous";
        var before = (await Factory.ScoresAsync(url)).ToJsonString();
        using var admin = await Factory.CreateClientAsync(Core.Auth.ApiScope.Admin);

        var response = await admin.PostAsync("/v1/scores/rollups/rebuild", null);
        var rebuild = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.True((int)rebuild["rows"]! > 0);
        Assert.True((long)rebuild["responses"]! >= 3);
        Assert.Equal(before, (await Factory.ScoresAsync(url)).ToJsonString());
    }

    private static string[] Series(JsonObject scores) =>
        scores["series"]!.AsArray().Select(p => $"{p!["start"]}:{p["responses"]}:{p["score"]?.ToJsonString() ?? "null"}").ToArray();
}
