using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Feedback.Dashboard.Tests;

/// <summary>Opens the dashboard in a fresh browser context (empty sessionStorage) and drives it like a person would.</summary>
public sealed class DashboardPage(DashboardFixture fixture, IBrowserContext context, IPage page, ConcurrentQueue<string> problems) : IAsyncDisposable
{
    public const string From = "2026-09-24";
    public const string To = "2026-11-23";

    static DashboardPage() => SetDefaultExpectTimeout(20_000);

    public IPage Page => page;

    /// <summary>Failed requests, answers of 400 or more and console errors (a CSP refusal is one) since the page opened.</summary>
    public IReadOnlyCollection<string> Problems => problems;

    public ILocator Comments => page.Locator("#comments li");

    /// <summary>
    /// A CSAT template (the demo one unless <paramref name="templateId"/> is given; of <paramref name="kind"/> if another)
    /// over the demo period, with <paramref name="query"/> appended to the URL; nothing is typed yet, so the key prompt shows.
    /// </summary>
    public static async Task<DashboardPage> OpenAsync(
        DashboardFixture fixture, string groupBy = "channel", string? templateId = null, string query = "", string kind = "csat")
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1500 } });
        var page = await context.NewPageAsync();
        var problems = new ConcurrentQueue<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Enqueue($"{response.Status} {response.Url}");
            }
        };
        page.RequestFailed += (_, request) => problems.Enqueue($"failed {request.Url}: {request.Failure}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Enqueue($"console: {message.Text}");
            }
        };
        var survey = Uri.EscapeDataString($"{kind}|{templateId ?? fixture.CsatTemplateId}");
        await page.GotoAsync($"{fixture.Server.BaseUrl}/dashboard?survey={survey}&from={From}&to={To}&interval=week&groupBy={groupBy}{query}");
        return new DashboardPage(fixture, context, page, problems);
    }

    public async Task EnterKeyAsync(string key)
    {
        await page.Locator("#key-input").FillAsync(key);
        await page.Locator("#key-form button[type=submit]").ClickAsync();
    }

    /// <summary>Enters the read key and waits until the score figure shows a number.</summary>
    public async Task SignInAsync()
    {
        await EnterKeyAsync(fixture.Server.ReadKey);
        await Expect(page.Locator("#score")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\d"));
    }

    /// <summary>Waits until the comment list has loaded its first step (the count says what is shown).</summary>
    public Task CommentsLoadedAsync() =>
        Expect(page.Locator("#comment-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("shown|No comments"));

    /// <summary>The first cells of the breakdown rows.</summary>
    public Task<IReadOnlyList<string>> BreakdownKeysAsync() => page.Locator("#breakdown tbody tr td:first-child").AllTextContentsAsync();

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
