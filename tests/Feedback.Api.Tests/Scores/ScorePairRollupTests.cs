using System.Net;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Scoring;

namespace Feedback.Api.Tests.Scores;

/// <summary>
/// With <c>Feedback:Scores:PairProperties=category,agent</c> a filter on one and a groupBy on the other reads the pair
/// rollups (source "rollups", sends known) and gives the figures counted by hand from the answers.
/// </summary>
public sealed class ScorePairRollupTests : ServiceFixture
{
    protected override void Configure(Dictionary<string, string?> settings) =>
        settings[RollupPairs.ConfigurationKey] = "category,agent";

    [Fact]
    public async Task AFilterOnOneListedPropertyGroupedByAnotherIsCountedFromPairRowsAsByHand()
    {
        var templateId = await Factory.SeedAsync("csat",
            new Answer(5, Category: "billing"), new Answer(4, Category: "billing"), new Answer(2, Category: "billing"),
            new Answer(1, Category: "billing", Agent: "omer"), new Answer(4, Day: "2026-11-21", Category: "billing", Agent: "dana"),
            new Answer(5), new Answer(5));
        var url = $"/v1/scores/csat?templateId={templateId}&from=2026-11-01&to=2026-12-01&property.category=billing";

        var grouped = await Factory.ScoresAsync($"{url}&groupBy=agent");
        var both = await Factory.ScoresAsync($"{url}&property.agent=maria");

        // billing: 5, 4, 2 (maria), 1 (omer), 4 (dana) → 3 of 5 satisfied; maria 2 of 3.
        Assert.Equal(("rollups", 5, 60.0), ((string)grouped["source"]!, (int)grouped["responses"]!, (double)grouped["score"]!));
        Assert.Equal(["maria:3:66.7", "dana:1:100", "omer:1:0"], ScoreSeeds.Groups(grouped));
        Assert.Equal(0L, (long)grouped["sent"]!);
        Assert.Equal(("rollups", 3, 66.7), ((string)both["source"]!, (int)both["responses"]!, (double)both["score"]!));

        var rebuild = await Admin.PostAsync("/v1/scores/rollups/rebuild", null);
        Assert.Equal(HttpStatusCode.OK, rebuild.StatusCode);
        Assert.Equal(ScoreSeeds.Groups(grouped), ScoreSeeds.Groups(await Factory.ScoresAsync($"{url}&groupBy=agent")));
    }

    [Fact]
    public async Task APairOutsideTheListKeepsTheRawAnswers()
    {
        var templateId = await Factory.SeedAsync("csat", new Answer(5, Category: "billing"), new Answer(1, Category: "billing", Channel: "chat"));
        var url = $"/v1/scores/csat?templateId={templateId}&from=2026-11-01&to=2026-12-01&property.category=billing";

        var byChannel = await Factory.ScoresAsync($"{url}&groupBy=channel");

        Assert.Equal("responses", (string)byChannel["source"]!);
        Assert.Equal(["chat:1:0", "phone:1:100"], ScoreSeeds.Groups(byChannel));
    }
}
