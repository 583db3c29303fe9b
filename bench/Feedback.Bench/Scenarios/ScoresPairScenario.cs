using Feedback.Bench.Harness;
using Feedback.Core.Scoring;

namespace Feedback.Bench.Scenarios;

/// <summary>
/// The two-dimension score query: responses over 365 days × 5 categories × 40 agents, with
/// <c>Feedback:Scores:PairProperties=category,agent</c>, imported in bulk and counted by the rollup rebuild; then
/// <c>GET /v1/scores/nps?property.category=category2&amp;groupBy=agent&amp;interval=week</c> over the year (pair rows)
/// against the same report from a full scan of the raw responses (what the query did before the pair rows).
/// </summary>
public static class ScoresPairScenario
{
    private const int Days = 365;
    private const int Categories = 5;
    private const int Agents = 40;

    public static async Task<Dictionary<string, object>> RunAsync(BenchOptions o)
    {
        await using var host = new ServiceHost();
        host.Settings[RollupPairs.ConfigurationKey] = "category,agent";
        await host.StartAsync();
        // Every day has every category × agent once the count reaches 365 × 200.
        var run = await ScoresScenario.MeasureAsync(o, host, n => new Dictionary<string, string>
        {
            ["category"] = $"category{n / Days % Categories}",
            ["agent"] = $"agent{n / (Days * Categories) % Agents}",
        }, groupBy: "agent", new Dictionary<string, string> { ["category"] = "category2" });

        var figures = run.Figures();
        figures["pairProperties"] = "category,agent";
        figures["source"] = run.FromRollups.Source;
        figures["groups"] = run.FromRollups.Groups.Count;
        figures["sameGroups"] = run.FromRollups.Score == run.FromScan.Score
            && run.FromRollups.Groups.Select(g => (g.Key, g.Responses, g.Score)).SequenceEqual(run.FromScan.Groups.Select(g => (g.Key, g.Responses, g.Score)));
        figures["target"] = "query p95 <= 50 ms at 10 M responses (one property filter + groupBy another)";
        return figures;
    }
}
