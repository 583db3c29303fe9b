using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Feedback.Dashboard.Tests;

/// <summary>Opens the dashboard in a fresh browser context (empty sessionStorage) and drives it like a person would.</summary>
public sealed class DashboardPage(DashboardFixture fixture, IBrowserContext context, IPage page) : IAsyncDisposable
{
    public const string From = "2026-09-24";
    public const string To = "2026-11-23";

    static DashboardPage() => SetDefaultExpectTimeout(20_000);

    public IPage Page => page;

    /// <summary>The CSAT template over the demo period; nothing is typed yet, so the key prompt shows.</summary>
    public static async Task<DashboardPage> OpenAsync(DashboardFixture fixture, string groupBy = "channel")
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1500 } });
        var page = await context.NewPageAsync();
        var survey = Uri.EscapeDataString($"csat|{fixture.CsatTemplateId}");
        await page.GotoAsync($"{fixture.Server.BaseUrl}/dashboard?survey={survey}&from={From}&to={To}&interval=week&groupBy={groupBy}");
        return new DashboardPage(fixture, context, page);
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

    /// <summary>The first cells of the breakdown rows.</summary>
    public Task<IReadOnlyList<string>> BreakdownKeysAsync() => page.Locator("#breakdown tbody tr td:first-child").AllTextContentsAsync();

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
