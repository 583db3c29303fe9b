using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Feedback.Dashboard.Tests;

public sealed class ThemesPanelTests(DashboardFixture fixture)
{
    private const string ScriptRefund = "<script>window.injected = true</script><b onmouseover=\"window.injected = true\">refund</b> never came";

    private static readonly string[] LowComments =
    [
        ScriptRefund, "Refund never arrived", "Still waiting for my refunds", "They refunded half of it",
        "Where is the refund?", "Asked for a refund twice", "Refund took a month", "No refund, no answer",
    ];

    private const string OtherLow = "The parcel arrived damaged, nobody answered my emails";
    private const int OtherLowCount = 12;
    private const int HighCount = 20;

    // One template of its own, made once: the other tests' templates keep their comments.
    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static string? _templateId;

    private async Task<string> TemplateAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (_templateId is null)
            {
                var id = await fixture.Server.CreateTemplateAsync("Themes fixture", "csat");
                for (var i = 0; i < LowComments.Length; i++)
                {
                    await fixture.Server.AnswerAsync(id, $"themes-low-{i}", 1 + i % 2, LowComments[i], "en");
                }
                for (var i = 0; i < OtherLowCount; i++)
                {
                    await fixture.Server.AnswerAsync(id, $"themes-other-{i}", 1, OtherLow, "en");
                }
                for (var i = 0; i < HighCount; i++)
                {
                    await fixture.Server.AnswerAsync(id, $"themes-high-{i}", 5, "Lovely shop, friendly staff and fast delivery", "en");
                }
                _templateId = id;
            }
            return _templateId;
        }
        finally
        {
            Seeding.Release();
        }
    }

    [Fact]
    public async Task ChoosingAThemeShowsOnlyItsCommentsWithTheTermMarkedAndMarkupAsText()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture, templateId: await TemplateAsync());
        await dashboard.SignInAsync();
        await dashboard.CommentsLoadedAsync();
        var refund = dashboard.Page.Locator("#themes button[data-term='refund']");

        await refund.ClickAsync();

        await Expect(refund).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(dashboard.Page.Locator("#comment-count")).ToHaveTextAsync("8 comments about “refund” in this period, all shown.");
        await Expect(dashboard.Comments).ToHaveCountAsync(LowComments.Length);
        var marks = await dashboard.Page.Locator("#comments mark").AllTextContentsAsync();
        Assert.All(marks, mark => Assert.StartsWith("refund", mark, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(LowComments.Length, marks.Count);
        await Expect(dashboard.Page.Locator("#comments p.comment").Filter(new() { HasText = "<script>" })).ToHaveTextAsync(ScriptRefund);
        Assert.Equal(0, await dashboard.Page.Locator("#comments script, #comments b").CountAsync());
        Assert.True(await dashboard.Page.EvaluateAsync<bool>("() => window.injected === undefined"));
        Assert.Empty(dashboard.Problems);
    }

    [Fact]
    public async Task ChoosingTheThemeAgainShowsEveryCommentAgain()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture, templateId: await TemplateAsync());
        await dashboard.SignInAsync();
        await dashboard.CommentsLoadedAsync();
        var refund = dashboard.Page.Locator("#themes button[data-term='refund']");
        await refund.ClickAsync();
        await Expect(dashboard.Comments).ToHaveCountAsync(LowComments.Length);

        await refund.ClickAsync();

        await Expect(refund).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(dashboard.Comments).ToHaveCountAsync(LowComments.Length + OtherLowCount + HighCount);
        await Expect(dashboard.Page.Locator("#comments mark")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheHighScoresToggleShowsWhatHappyCustomersWriteAbout()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture, templateId: await TemplateAsync());
        await dashboard.SignInAsync();
        await Expect(dashboard.Page.Locator("#themes button[data-term='refund']")).ToBeVisibleAsync();

        await dashboard.Page.Locator("#segment button[value=high]").ClickAsync();

        await Expect(dashboard.Page.Locator("#segment button[value=high]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(dashboard.Page.Locator("#themes button[data-term='friendly staff']")).ToBeVisibleAsync();
        await Expect(dashboard.Page.Locator("#themes button[data-term='refund']")).ToHaveCountAsync(0);
        await Expect(dashboard.Page.Locator("#theme-count")).ToContainTextAsync("20 comments with high scores");
    }
}
