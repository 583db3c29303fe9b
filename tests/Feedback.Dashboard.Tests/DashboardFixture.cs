using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Feedback.Dashboard.Tests.DashboardFixture))]

namespace Feedback.Dashboard.Tests;

/// <summary>
/// One server and one headless Chromium for every test (each test opens its own browser context, so its sessionStorage
/// starts empty). Debian's chromium is used as installed (test.sh installs it); Playwright downloads no browser.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string ScriptComment = "<script>window.injected = true</script><img src=x onerror=\"window.injected = true\"> checkout broke";
    public const string HebrewComment = "בדיקת כיוון: השירות היה איטי מאוד";

    private IPlaywright? _playwright;

    public DashboardServer Server { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string CsatTemplateId { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await Server.StartAsync();
        CsatTemplateId = await Server.TemplateIdAsync("csat");
        await Server.AnswerAsync(CsatTemplateId, "dashboard-script", 1, ScriptComment, "en");
        await Server.AnswerAsync(CsatTemplateId, "dashboard-hebrew", 2, HebrewComment, "he");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
