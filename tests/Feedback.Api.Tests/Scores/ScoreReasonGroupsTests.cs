using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Answers;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Api.Tests.Responses;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Scores;

/// <summary><c>groupBy=reason</c> against a hand count: from the rollups, from the raw answers, and after a rebuild.</summary>
public sealed class ScoreReasonGroupsTests(SharedFeedbackApi api) : IClassFixture<SharedFeedbackApi>
{
    private FeedbackApiFactory Factory => api.Factory;

    // Hand count of the answers below (CSAT, satisfied = 4–5): slow_response: scores 1, 2, 2 → 3 answers, 0 %;
    // rude: 1, 2 → 2, 0 %; not_solved: 4 → 1, 100 %; (none): 5, 5, 3, 5 → 4, 75 %. Two answers have two reasons, so
    // the groups hold 10 for 8 answers. (none) comes last, as on every breakdown.
    private static readonly (int Score, string[] Reasons, string Agent)[] Answers =
    [
        (1, ["slow_response", "rude"], "maria"), (2, ["slow_response"], "maria"), (2, ["slow_response", "rude"], "omer"),
        (4, ["not_solved"], "maria"), (5, [], "maria"), (5, [], "omer"), (3, [], "maria"), (5, [], "maria"),
    ];

    private async Task<string> SeedAsync()
    {
        using var admin = await Factory.CreateClientAsync(ApiScope.Admin);
        var body = TemplateBodies.Csat(trigger: "reasons.test");
        ReasonBodies.AddTo(body);
        body["reasons"]!["maxScore"] = 4;
        var created = await admin.PostAsJsonAsync("/v1/templates", body);
        var template = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        using var ingest = await Factory.CreateClientAsync(ApiScope.Ingest);
        var i = 0;
        foreach (var (score, reasons, agent) in Answers)
        {
            var answer = ResponseBodies.Phone($"{template}-{i++}", template, score, answeredAt: "2026-11-20T12:00:00Z",
                properties: new JsonObject { ["agent"] = agent });
            answer["reasons"] = new JsonArray([.. reasons.Select(r => JsonValue.Create(r))]);
            await ingest.RecordAsync(answer);
        }
        return template;
    }

    [Fact]
    public async Task GroupsByReasonFromTheRollupsEqualTheHandCount()
    {
        var template = await SeedAsync();

        var scores = await Factory.ScoresAsync($"/v1/scores/csat?templateId={template}&groupBy=reason");

        Assert.Equal("rollups", (string)scores["source"]!);
        Assert.Equal(8, (int)scores["responses"]!);
        Assert.Equal(["slow_response:3:0", "rude:2:0", "not_solved:1:100", "(none):4:75"], ScoreSeeds.Groups(scores));
        var none = scores["groups"]!.AsArray().Single(g => (string)g!["key"]! == "(none)")!;
        Assert.True((bool)none["none"]!);
    }

    [Fact]
    public async Task GroupsByReasonFromTheRawAnswersEqualTheRollupsAndTheHandCount()
    {
        var template = await SeedAsync();

        // A property filter and a group make two dimensions: the rollups hold one, so this reads the answers.
        var raw = await Factory.ScoresAsync($"/v1/scores/csat?templateId={template}&groupBy=reason&property.agent=maria");

        Assert.Equal("responses", (string)raw["source"]!);
        // maria's answers: slow_response 1, 2; rude 1; not_solved 4; (none) 5, 3, 5.
        Assert.Equal(["slow_response:2:0", "not_solved:1:100", "rude:1:0", "(none):3:66.7"], ScoreSeeds.Groups(raw));
    }

    [Fact]
    public async Task ARebuildCountsTheSameReasonGroups()
    {
        var template = await SeedAsync();
        var before = ScoreSeeds.Groups(await Factory.ScoresAsync($"/v1/scores/csat?templateId={template}&groupBy=reason"));
        using var admin = await Factory.CreateClientAsync(ApiScope.Admin);

        (await admin.PostAsync("/v1/scores/rollups/rebuild", null)).EnsureSuccessStatusCode();

        Assert.Equal(before, ScoreSeeds.Groups(await Factory.ScoresAsync($"/v1/scores/csat?templateId={template}&groupBy=reason")));
    }
}
