using Microsoft.Playwright;

namespace Feedback.Dashboard.Tests;

/// <summary>
/// Screenshots go under the test output (bin/…/screenshots), so a test run leaves the working tree as it was.
/// <c>UPDATE_SCREENSHOT=1</c> also copies them into docs/, the way <c>UPDATE_OPENAPI=1</c> refreshes the OpenAPI document.
/// </summary>
internal static class Screenshots
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static bool UpdateDocs => Environment.GetEnvironmentVariable("UPDATE_SCREENSHOT") == "1";

    /// <summary>Saves the page as <paramref name="name"/> under <see cref="Directory"/> (and docs/ when asked to); returns its path.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        var path = Path.Combine(Directory, name);
        await page.ScreenshotAsync(new() { Path = path });
        if (UpdateDocs)
        {
            File.Copy(path, Repo.Combine("docs", name), overwrite: true);
        }
        return path;
    }
}
