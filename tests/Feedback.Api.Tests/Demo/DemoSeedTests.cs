using System.Net.Http.Json;
using System.Text.Json;
using Feedback.Api.Hosting.Demo;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;
using Feedback.Core.Responses;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Api.Tests.Demo;

public sealed class DemoSeedTests
{
    private const int Answers = 200;

    [Fact]
    public async Task SeedFillsAnEmptyStoreWithTemplatesAnswersAndSends()
    {
        await using var api = Seeded();

        var templates = await ReadTemplatesAsync(api);
        var answers = await AllAnswersAsync(api);

        Assert.Equal(["ces", "csat", "nps"], templates.Select(t => t.GetProperty("kind").GetString()).Order());
        Assert.All(templates, t => Assert.Equal(["en", "he", "pl", "sk"], t.GetProperty("content").EnumerateObject().Select(p => p.Name).Order()));
        Assert.Equal(Answers, answers.Count);
        Assert.All(answers, a => Assert.True(a.Kind.IsValidScore(a.Score)));
        Assert.All(answers, a => Assert.InRange(a.AnsweredAt, api.Time.GetUtcNow().AddDays(-30), api.Time.GetUtcNow()));
        Assert.Equal(["en", "he", "pl", "sk"], answers.Select(a => a.Locale).Distinct().Order());
        Assert.Contains(answers, a => a.Comment is not null && a.Locale == "he");
        Assert.Contains(answers, a => a.Channel == Channels.Email);
        Assert.Contains(answers, a => a.Channel != Channels.Email);
        Assert.All(answers, a => Assert.True(a.Properties.ContainsKey("agent") && a.Properties.ContainsKey("category") && a.Properties.ContainsKey("product")));
        Assert.All(answers.Where(a => a.Kind != SurveyKind.Nps), a => Assert.True(a.Properties.ContainsKey("resolutionHours") && a.Properties.ContainsKey("resolutionTime")));
        var surveys = api.Services.GetRequiredService<ISurveyStore>();
        var unanswered = await surveys.ListAsync(new SurveyQuery(Status: SurveyStatus.Expired, Limit: 500));
        Assert.NotEmpty(unanswered.Items);
        var answered = await surveys.ListAsync(new SurveyQuery(Status: SurveyStatus.Answered, Limit: 500));
        Assert.Equal(answers.Count(a => a.SurveyId is not null), answered.Items.Count);
    }

    [Fact]
    public async Task RollupsWrittenWhileSeedingEqualARebuildFromTheAnswers()
    {
        await using var api = Seeded();
        using var client = await api.CreateClientAsync(ApiScope.Admin);
        var query = "/v1/scores/csat?from=2026-10-01T00:00:00Z&to=2026-11-24T00:00:00Z&groupBy=resolutionTime";
        var before = await client.GetStringAsync(query);

        var rebuild = await api.Services.GetRequiredService<IScoreRollupStore>().RebuildAsync();

        Assert.Equal(Answers, rebuild.Responses);
        Assert.Equal(before, await client.GetStringAsync(query));
        using var scores = JsonDocument.Parse(before);
        Assert.Equal(["<4h", "<24h", "<72h", "72h+"], scores.RootElement.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("key").GetString()));
        Assert.True(scores.RootElement.GetProperty("sent").GetInt64() > 0);
    }

    [Fact]
    public async Task SecondStartOnTheSameStoreAddsNothing()
    {
        var directory = Directory.CreateTempSubdirectory("feedback-demo-").FullName;
        try
        {
            await using (var first = Seeded(directory))
            {
                Assert.Equal(Answers, (await AllAnswersAsync(first)).Count);
            }
            await using var second = Seeded(directory);

            Assert.Equal(Answers, (await AllAnswersAsync(second)).Count);
            Assert.Equal(3, (await ReadTemplatesAsync(second)).Count);
            Assert.Contains(second.Logs.Entries, e => e.Message.Contains("nothing was added", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task SameSeedGivesTheSameAnswers()
    {
        await using var first = Seeded();
        await using var second = Seeded();

        Assert.Equal(Fingerprint(await AllAnswersAsync(first)), Fingerprint(await AllAnswersAsync(second)));
    }

    [Fact]
    public async Task WithoutTheOptionNothingIsSeeded()
    {
        await using var api = new FeedbackApiFactory();

        Assert.Empty(await ReadTemplatesAsync(api));
    }

    [Fact]
    public void DemoSwitchIsTakenOffTheCommandLine() =>
        Assert.Equal(["--urls", "http://localhost:5000"], DemoExtensions.WithoutDemoSwitch(["--demo", "--urls", "http://localhost:5000"]));

    private static FeedbackApiFactory Seeded(string? directory = null)
    {
        var api = new FeedbackApiFactory(directory);
        api.Settings["Feedback:Demo:Seed"] = "true";
        api.Settings["Feedback:Demo:Answers"] = Answers.ToString(System.Globalization.CultureInfo.InvariantCulture);
        api.Settings["Feedback:Demo:Days"] = "30";
        return api;
    }

    private static async Task<List<JsonElement>> ReadTemplatesAsync(FeedbackApiFactory api)
    {
        using var client = await api.CreateClientAsync(ApiScope.Read);
        var page = await client.GetFromJsonAsync<JsonElement>("/v1/templates?limit=100");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static async Task<List<SurveyResponse>> AllAnswersAsync(FeedbackApiFactory api) =>
        await api.Services.GetRequiredService<IResponseStore>().StreamAsync(new ResponseQuery()).ToListAsync();

    private static List<string> Fingerprint(IEnumerable<SurveyResponse> answers) =>
        [.. answers.OrderBy(a => a.AnsweredAt).Select(a => $"{a.AnsweredAt:O}|{a.Kind}|{a.Score}|{a.Channel}|{a.CustomerId}|{a.Comment}|{string.Join(',', a.Properties)}")];
}
