using System.Net;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Answers;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Api.Tests.Responses;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Scores;

/// <summary>
/// Four surveys sent by e-mail (their event carries the property channel=email), two answered through the page, and three
/// answers collected elsewhere: what the response rate, the two meanings of "channel" and the groups make of them.
/// </summary>
public sealed class ScoreTrustTests : AnswerPagesFixture
{
    [Fact]
    public async Task ResponseRateCountsOnlyAnswersToSentSurveysWhileResponsesAndTheScoreCountEveryAnswer()
    {
        var templateId = await SeedAsync();

        var scores = await Factory.ScoresAsync($"/v1/scores/csat?templateId={templateId}&groupBy=agent&interval=week");

        Assert.Equal((5, 40.0, 4L, 0.5), ((int)scores["responses"]!, (double)scores["score"]!, (long)scores["sent"]!, (double)scores["responseRate"]!));
        var maria = scores["groups"]![0]!;
        Assert.Equal(("maria", 2, 4L, 0.5), ((string)maria["key"]!, (int)maria["responses"]!, (long)maria["sent"]!, (double)maria["responseRate"]!));
        var week = scores["series"]!.AsArray().Single(p => (int)p!["responses"]! > 0)!;
        Assert.Equal((5, 4L, 0.5), ((int)week["responses"]!, (long)week["sent"]!, (double)week["responseRate"]!));
    }

    [Fact]
    public async Task ChannelIsTheAnswersOwnAndPropertyChannelIsTheEventsPropertyOnScoresAndResponses()
    {
        var templateId = await SeedAsync();
        using var reader = await Factory.CreateClientAsync(ApiScope.Read);
        var url = $"/v1/scores/csat?templateId={templateId}";

        Assert.Equal(1, (int)(await Factory.ScoresAsync($"{url}&channel=phone"))["responses"]!);
        Assert.Equal(2, (int)(await Factory.ScoresAsync($"{url}&channel=email"))["responses"]!);
        Assert.Equal(1, (int)(await Factory.ScoresAsync($"{url}&property.channel=web"))["responses"]!);
        Assert.Equal(0, (int)(await Factory.ScoresAsync($"{url}&property.channel=chat"))["responses"]!);
        var onEmail = await Factory.ScoresAsync($"{url}&property.channel=email");
        Assert.Equal(("rollups", 2, 4L), ((string)onEmail["source"]!, (int)onEmail["responses"]!, (long)onEmail["sent"]!));
        Assert.Equal(["email:2:100", "chat:1:0", "in_person:1:0", "phone:1:0"], ScoreSeeds.Groups(await Factory.ScoresAsync($"{url}&groupBy=channel")));
        Assert.Equal(["email:2:100"], ScoreSeeds.Groups(await Factory.ScoresAsync($"{url}&channel=email&groupBy=channel")));
        Assert.Equal(["delivery:1:0"], ScoreSeeds.Groups(await Factory.ScoresAsync($"{url}&channel=phone&groupBy=category")));

        var responses = $"/v1/responses?templateId={templateId}";
        Assert.Equal(["rate-chat"], await reader.ListIdsAsync($"{responses}&channel=chat"));
        Assert.Equal(["rate-chat"], await reader.ListIdsAsync($"{responses}&property.channel=web"));
        Assert.Empty(await reader.ListIdsAsync($"{responses}&property.channel=chat"));
        Assert.Equal(2, (await reader.ListIdsAsync($"{responses}&property.channel=email")).Count);
        var problem = await ProblemAssert.IsValidationProblemAsync(await reader.GetAsync($"{responses}&channel=Chat"), "channel");
        Assert.Contains("in_person", ProblemAssert.Message(problem, "channel"));
        await ProblemAssert.IsValidationProblemAsync(await reader.GetAsync($"{url}&channel=fax"), "channel");
    }

    [Fact]
    public async Task AnswersWithoutTheGroupedPropertyAreTheNoneGroupSoTheGroupsAddUpWithTopAndOtherToo()
    {
        var templateId = await SeedAsync();
        var url = $"/v1/scores/csat?templateId={templateId}";

        var byAgent = await Factory.ScoresAsync($"{url}&groupBy=agent");
        var byCategory = await Factory.ScoresAsync($"{url}&groupBy=category&top=1");
        var crossed = await Factory.ScoresAsync($"{url}&groupBy=agent&property.category=delivery");

        Assert.Equal(["maria:2:100", "(none):3:0"], ScoreSeeds.Groups(byAgent));
        Assert.Equal([false, true], byAgent["groups"]!.AsArray().Select(g => (bool)g!["none"]!));
        Assert.Equal((4L, 0L), ((long)byAgent["groups"]![0]!["sent"]!, (long)byAgent["groups"]![1]!["sent"]!));
        Assert.Equal(["delivery:3:66.7", "(other):1:0", "(none):1:0"], ScoreSeeds.Groups(byCategory));
        Assert.Equal([false, true, false], byCategory["groups"]!.AsArray().Select(g => (bool)g!["other"]!));
        Assert.Equal(5, byCategory["groups"]!.AsArray().Sum(g => (int)g!["responses"]!));
        Assert.Equal("responses", (string)crossed["source"]!);
        Assert.Equal(["maria:2:100", "(none):1:0"], ScoreSeeds.Groups(crossed));
    }

    /// <summary>
    /// The surveys: CSAT, category delivery, agent maria, property channel=email; two answered 5 by e-mail. Elsewhere, each
    /// scored 1: by phone (category delivery), by chat (category returns, property channel=web), in person (no properties).
    /// </summary>
    private async Task<string> SeedAsync()
    {
        await CreateTemplateAsync();
        var surveys = new List<Core.Surveys.Survey>();
        for (var i = 0; i < 4; i++)
        {
            surveys.Add(await SendSurveyAsync($"rate-{i}", email: $"customer{i}@example.sk"));
        }
        foreach (var survey in surveys.Take(2))
        {
            Assert.Equal(HttpStatusCode.OK, (await Browser.GetAsync($"/s/{survey.Token}?score=5")).StatusCode);
        }
        var templateId = surveys[0].TemplateId;
        using var ingest = await Factory.CreateClientAsync(ApiScope.Ingest);
        await ingest.RecordAsync(ResponseBodies.Phone("rate-phone", templateId, score: 1, properties: new JsonObject { ["category"] = "delivery" }));
        await ingest.RecordAsync(ResponseBodies.Phone("rate-chat", templateId, score: 1, channel: "chat",
            properties: new JsonObject { ["category"] = "returns", ["channel"] = "web" }));
        await ingest.RecordAsync(ResponseBodies.Phone("rate-in-person", templateId, score: 1, channel: "in_person"));
        return templateId;
    }
}
