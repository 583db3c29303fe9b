using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Feedback.Dashboard.Tests;

public sealed class DashboardTests(DashboardFixture fixture)
{
    [Fact]
    public async Task LoadsWithAReadKeyAndShowsTheScoreOfTheSeededAnswers()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);

        await dashboard.SignInAsync();

        var expected = await ScoresAsync("channel");
        var shown = (await dashboard.Page.Locator("#score").TextContentAsync())!.TrimEnd(' ', '%');
        Assert.Equal(expected.GetProperty("score").GetDouble(), double.Parse(shown, CultureInfo.InvariantCulture), 1);
        var responses = expected.GetProperty("responses").GetInt64();
        Assert.True(responses > 100, $"only {responses} answers in the period");
        await Expect(dashboard.Page.Locator("#responses")).ToHaveTextAsync(responses.ToString("N0", CultureInfo.GetCultureInfo("en")));
        await Expect(dashboard.Page.Locator("#confidence")).ToContainTextAsync("95 % interval");
        await Expect(dashboard.Page.Locator("#small-sample")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task BadKeyShowsAMessageAndAsksAgain()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);

        await dashboard.EnterKeyAsync("fbk_this-key-does-not-exist");

        await Expect(dashboard.Page.Locator("#key-message")).ToContainTextAsync("401");
        await Expect(dashboard.Page.Locator("#key-input")).ToBeVisibleAsync();
        await Expect(dashboard.Page.Locator("#board")).ToBeHiddenAsync();
        Assert.Null(await dashboard.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('feedback.readKey')"));
    }

    [Fact]
    public async Task TrendChartDrawsTheSeries()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        await dashboard.SignInAsync();

        var drawn = await dashboard.Page.EvaluateAsync<JsonElement>("""
            () => {
              const chart = Chart.getChart(document.getElementById('trend'));
              const canvas = chart.canvas;
              const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
              let painted = 0;
              for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
              return { points: chart.data.datasets[0].data.filter(v => v !== null).length,
                       answers: chart.data.datasets[1].data.reduce((sum, n) => sum + n, 0), painted };
            }
            """);

        var series = (await ScoresAsync("channel")).GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(series.Count(p => p.GetProperty("responses").GetInt64() > 0), drawn.GetProperty("points").GetInt32());
        Assert.Equal(series.Sum(p => p.GetProperty("responses").GetInt64()), drawn.GetProperty("answers").GetInt64());
        Assert.True(drawn.GetProperty("painted").GetInt32() > 5000, $"only {drawn.GetProperty("painted")} pixels painted");
    }

    [Fact]
    public async Task ChangingGroupByRequestsAndShowsTheNewBreakdown()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture, groupBy: "channel");
        await dashboard.SignInAsync();
        await Expect(dashboard.Page.Locator("#breakdown tbody")).ToContainTextAsync("E-mail");
        var before = await dashboard.BreakdownKeysAsync();

        var request = await dashboard.Page.RunAndWaitForRequestAsync(
            () => dashboard.Page.Locator("#group-by").SelectOptionAsync("agent"),
            r => r.Url.Contains("/v1/scores/csat", StringComparison.Ordinal) && r.Url.Contains("groupBy=agent", StringComparison.Ordinal));

        await Expect(dashboard.Page.Locator("#breakdown tbody")).ToContainTextAsync("maria");
        await Expect(dashboard.Page.Locator("#group-name")).ToHaveTextAsync("agent");
        var after = await dashboard.BreakdownKeysAsync();
        Assert.NotNull(request);
        Assert.Contains("E-mail", before);
        Assert.DoesNotContain("E-mail", after);
        Assert.Contains("maria", after);
    }

    [Fact]
    public async Task ScriptInACommentShowsAsTextAndDoesNotRun()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture, templateId: fixture.FixtureTemplateId);
        await dashboard.SignInAsync();

        await dashboard.Page.Locator("#comment-text").FillAsync("checkout broke");

        await Expect(dashboard.Comments).ToHaveCountAsync(1);
        var comment = dashboard.Page.Locator("#comments p.comment");
        await Expect(comment).ToHaveTextAsync(DashboardFixture.ScriptComment);
        Assert.Equal(0, await dashboard.Page.Locator("#comments script, #comments img").CountAsync());
        Assert.True(await dashboard.Page.EvaluateAsync<bool>("() => window.injected === undefined"));
    }

    [Fact]
    public async Task HebrewCommentReadsRightToLeft()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture, templateId: fixture.FixtureTemplateId);
        await dashboard.SignInAsync();

        await dashboard.Page.Locator("#comment-text").FillAsync("בדיקת כיוון");

        await Expect(dashboard.Comments).ToHaveCountAsync(1);
        var comment = dashboard.Page.Locator("#comments p.comment");
        await Expect(comment).ToHaveTextAsync(DashboardFixture.HebrewComment);
        Assert.Equal("rtl", await comment.EvaluateAsync<string>("element => getComputedStyle(element).direction"));
        Assert.Equal("ltr", await dashboard.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).direction"));
    }

    private Task<JsonElement> ScoresAsync(string groupBy) => fixture.Server.ScoresAsync(fixture.CsatTemplateId, groupBy);
}
