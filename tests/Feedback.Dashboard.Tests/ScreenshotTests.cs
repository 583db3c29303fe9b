using static Microsoft.Playwright.Assertions;

namespace Feedback.Dashboard.Tests;

public sealed class ScreenshotTests(DashboardFixture fixture)
{
    /// <summary>The README's picture: the demo CSAT survey, with nothing a test put there.</summary>
    [Fact]
    public async Task ScreenshotShowsDemoDataAndIsWrittenUnderTheTestOutputOnly()
    {
        var readmeImage = Repo.Combine("docs", "dashboard.png");
        var before = File.GetLastWriteTimeUtc(readmeImage);
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        await dashboard.SignInAsync();
        await dashboard.CommentsLoadedAsync();
        await Expect(dashboard.Page.Locator("#comments")).Not.ToContainTextAsync("checkout");

        var path = await Screenshots.SaveAsync(dashboard.Page, "dashboard.png");

        Assert.True(File.Exists(path));
        Assert.StartsWith(AppContext.BaseDirectory, path, StringComparison.Ordinal);
        if (!Screenshots.UpdateDocs)
        {
            Assert.Equal(before, File.GetLastWriteTimeUtc(readmeImage));
        }
    }
}
