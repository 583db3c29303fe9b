using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Feedback.Dashboard.Tests;

public sealed partial class CommentsPanelTests(DashboardFixture fixture)
{
    [Fact]
    public async Task MoreCommentsPagesThroughEveryCommentOfThePeriodLowestScoreFirst()
    {
        var expected = await fixture.Server.CommentsAsync(fixture.CsatTemplateId);
        var monthBeforeEnd = DateTimeOffset.Parse(DashboardPage.To, CultureInfo.InvariantCulture).AddDays(-30);
        Assert.True(expected.Count > 100, $"only {expected.Count} comments in the period: too few to need paging");
        Assert.Contains(expected, c => c.GetProperty("answeredAt").GetDateTimeOffset() < monthBeforeEnd);
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        await dashboard.SignInAsync();
        await dashboard.CommentsLoadedAsync();

        var more = dashboard.Page.Locator("#more-comments");
        var steps = 0;
        while (await more.IsVisibleAsync())
        {
            var before = await dashboard.Comments.CountAsync();
            await more.ClickAsync();
            await Expect(dashboard.Comments).Not.ToHaveCountAsync(before);
            steps++;
        }

        var ids = await dashboard.Comments.EvaluateAllAsync<string[]>("items => items.map(item => item.dataset.id)");
        var scores = (await dashboard.Page.Locator("#comments .badge").AllTextContentsAsync()).Select(int.Parse).ToList();
        Assert.True(steps >= 2, $"the list was complete after {steps} clicks");
        Assert.Equal(expected.Select(c => c.GetProperty("id").GetString()).Order(), ids.Order());
        Assert.Equal(scores.Order(), scores);
        await Expect(dashboard.Page.Locator("#comment-count")).ToHaveTextAsync(
            $"{expected.Count.ToString("N0", CultureInfo.GetCultureInfo("en"))} comments in this period, all shown.");
    }

    [Fact]
    public async Task CommentListSaysWhichPeriodItCovers()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        await dashboard.SignInAsync();

        await Expect(dashboard.Page.Locator("#comment-period"))
            .ToHaveTextAsync($"Answered from {DashboardPage.From} to {DashboardPage.To} (UTC days, both included).");
    }

    [Fact]
    public async Task ScoreAndTextFiltersAreKeptInTheUrlAndSurviveAReload()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture, templateId: fixture.FixtureTemplateId);
        await dashboard.SignInAsync();
        await Expect(dashboard.Comments).ToHaveCountAsync(3);

        await dashboard.Page.Locator("#min-score").FillAsync("1");
        await dashboard.Page.Locator("#max-score").FillAsync("2");
        await dashboard.Page.Locator("#max-score").BlurAsync();
        await dashboard.Page.Locator("#comment-text").FillAsync("checkout");

        await Expect(dashboard.Page).ToHaveURLAsync(FilteredUrl());
        await Expect(dashboard.Comments).ToHaveCountAsync(1);
        await Expect(dashboard.Page.Locator("#comments p.comment")).ToHaveTextAsync(DashboardFixture.ScriptComment);
        await dashboard.Page.ReloadAsync();
        await Expect(dashboard.Page.Locator("#min-score")).ToHaveValueAsync("1");
        await Expect(dashboard.Page.Locator("#max-score")).ToHaveValueAsync("2");
        await Expect(dashboard.Page.Locator("#comment-text")).ToHaveValueAsync("checkout");
        await Expect(dashboard.Page.Locator("#comment-count")).ToHaveTextAsync("1 comment containing “checkout” in this period, all shown.");
        await Expect(dashboard.Comments).ToHaveCountAsync(1);
        await Expect(dashboard.Page.Locator("#comments p.comment")).ToHaveTextAsync(DashboardFixture.ScriptComment);
    }

    [Fact]
    public async Task CommentMetadataIsLabelled()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture, templateId: fixture.FixtureTemplateId);
        await dashboard.SignInAsync();

        await dashboard.Page.Locator("#comment-text").FillAsync("בדיקת כיוון");

        var meta = dashboard.Page.Locator("#comments .meta");
        await Expect(meta).ToHaveCountAsync(1);
        var fields = await meta.Locator(".field").AllTextContentsAsync();
        Assert.Equal(
            ["2026-11-23 09:00 UTC", "Agent: maria", "Category: billing", "Product: Pro", "Channel: Chat", "Language: Hebrew"],
            fields);
    }

    [GeneratedRegex("minScore=1&maxScore=2&text=checkout$")]
    private static partial Regex FilteredUrl();
}
