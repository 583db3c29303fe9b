using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Feedback.Dashboard.Tests.DashboardFixture))]

namespace Feedback.Dashboard.Tests;

/// <summary>
/// One server and one headless Chromium for every test (each test opens its own browser context, so its sessionStorage
/// starts empty). Debian's chromium is used as installed (test.sh installs it); Playwright downloads no browser.
/// The demo templates hold demo data only (the README screenshot shows them); the hostile and right-to-left comments
/// go to a template of their own.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string ScriptComment = "<script>window.injected = true</script><img src=x onerror=\"window.injected = true\"> checkout broke";
    public const string HebrewComment = "בדיקת כיוון: השירות היה איטי מאוד";
    public const string PraiseComment = "Checkout was quick and friendly";
    public const string FixtureTemplateName = "Checkout fixture";

    private IPlaywright? _playwright;

    public DashboardServer Server { get; private set; } = null!;

    /// <summary>The site whose origin is the service's one <c>Feedback:Pages:FrameAncestors</c>.</summary>
    public FramingSite Shop { get; private set; } = null!;

    /// <summary>A site the service's pages do not allow to frame them.</summary>
    public FramingSite Elsewhere { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The demo CSAT template ("Post-resolution CSAT"): demo answers only.</summary>
    public string CsatTemplateId { get; private set; } = "";

    /// <summary>A CSAT template with three comments: <see cref="ScriptComment"/> (1), <see cref="HebrewComment"/> (2), <see cref="PraiseComment"/> (5).</summary>
    public string FixtureTemplateId { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Shop = await FramingSite.StartAsync();
        Elsewhere = await FramingSite.StartAsync();
        Server = new DashboardServer(Shop.Origin);
        await Server.StartAsync();
        CsatTemplateId = await Server.TemplateIdAsync("csat");
        FixtureTemplateId = await Server.CreateTemplateAsync(FixtureTemplateName, "csat");
        await Server.AnswerAsync(FixtureTemplateId, "dashboard-script", 1, ScriptComment, "en");
        await Server.AnswerAsync(FixtureTemplateId, "dashboard-hebrew", 2, HebrewComment, "he");
        await Server.AnswerAsync(FixtureTemplateId, "dashboard-praise", 5, PraiseComment, "en");
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
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
        if (Shop is not null)
        {
            await Shop.DisposeAsync();
        }
        if (Elsewhere is not null)
        {
            await Elsewhere.DisposeAsync();
        }
    }
}
