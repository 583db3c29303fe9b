using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Feedback.Dashboard.Tests;

/// <summary>
/// The embed page in a real browser, framed by two sites on loopback origins of their own: Chromium enforces the
/// page's CSP <c>frame-ancestors</c>, so it shows inside the configured site and is refused inside the other.
/// </summary>
public sealed class EmbedFramingTests(DashboardFixture fixture)
{
    [Fact]
    public async Task TheEmbedPageShowsInsideTheConfiguredSiteAndIsRefusedInsideAnother()
    {
        var embed = $"{await fixture.Server.LinkSurveyAsync()}?embed=1";
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) => console.Add(message.Text);

        await page.GotoAsync(fixture.Shop.Framing(embed));

        var framed = page.FrameLocator("iframe");
        await Expect(framed.Locator("body.embed a[href*='score=5']")).ToBeVisibleAsync();
        Assert.DoesNotContain(console, text => text.Contains("frame-ancestors", StringComparison.Ordinal));

        await page.GotoAsync(fixture.Elsewhere.Framing(embed));

        var frame = Assert.Single(page.MainFrame.ChildFrames);
        Assert.DoesNotContain("/s/", frame.Url, StringComparison.Ordinal);
        Assert.Contains(console, text => text.Contains("frame-ancestors", StringComparison.Ordinal)
            && text.Contains(fixture.Shop.Origin, StringComparison.Ordinal));
    }
}
