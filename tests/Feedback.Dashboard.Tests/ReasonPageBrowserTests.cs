using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Feedback.Dashboard.Tests;

/// <summary>
/// The customer's thank-you page in Chromium, as a customer answers a link survey: the reasons appear as checkboxes in
/// their language for a low score only, work without script under the page's strict CSP, and are stored when sent.
/// </summary>
public sealed class ReasonPageBrowserTests(DashboardFixture fixture)
{
    private static readonly SemaphoreSlim Creating = new(1, 1);
    private static string? _templateId;

    private async Task<string> TemplateAsync()
    {
        await Creating.WaitAsync();
        try
        {
            if (_templateId is null)
            {
                using var admin = fixture.Server.Client(DashboardServer.AdminKey);
                var created = await admin.PostAsJsonAsync("/v1/templates", new
                {
                    name = "Reasons in the browser", kind = "csat", defaultLocale = "en", delivery = "link",
                    reasons = new { maxScore = 2, codes = new[] { "slow_response", "not_solved", "rude" } },
                    content = new Dictionary<string, object>
                    {
                        ["en"] = new
                        {
                            subject = "How did we do?", question = "How was it?",
                            reasonLabels = new Dictionary<string, string> { ["slow_response"] = "Too slow", ["not_solved"] = "Not solved", ["rude"] = "Rude" },
                        },
                        ["sk"] = new
                        {
                            subject = "Ako sme to zvládli?", question = "Ako ste spokojný?",
                            reasonLabels = new Dictionary<string, string> { ["slow_response"] = "Pomalá odpoveď", ["not_solved"] = "Nevyriešené", ["rude"] = "Neslušné správanie" },
                        },
                        ["he"] = new
                        {
                            subject = "איך עשינו?", question = "עד כמה אתה מרוצה?",
                            reasonLabels = new Dictionary<string, string> { ["slow_response"] = "תגובה איטית", ["not_solved"] = "לא נפתר" },
                        },
                    },
                });
                created.EnsureSuccessStatusCode();
                _templateId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            }
            return _templateId;
        }
        finally
        {
            Creating.Release();
        }
    }

    /// <summary>A link survey for a customer of <paramref name="locale"/>: its id and its one-click link for <paramref name="score"/>, on the test server.</summary>
    private async Task<(string SurveyId, string Url)> SurveyAsync(string locale, int score)
    {
        var templateId = await TemplateAsync();
        using var admin = fixture.Server.Client(DashboardServer.AdminKey);
        var id = Guid.NewGuid().ToString("N");
        var sent = await admin.PostAsJsonAsync("/v1/surveys", new
        {
            templateId, subjectId = $"ticket-{id}", customer = new { id = $"customer-{id}", locale },
        });
        sent.EnsureSuccessStatusCode();
        var body = await sent.Content.ReadFromJsonAsync<JsonElement>();
        var link = new Uri(body.GetProperty("scoreUrls").GetProperty(score.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetString()!);
        return (body.GetProperty("id").GetString()!, new Uri(new Uri(fixture.Server.BaseUrl), link.PathAndQuery).ToString());
    }

    private async Task<JsonElement> StoredAsync(string surveyId)
    {
        using var reader = fixture.Server.Client(fixture.Server.ReadKey);
        return await reader.GetFromJsonAsync<JsonElement>($"/v1/responses/rsp_{surveyId}");
    }

    /// <summary>A page in a fresh context, with every console message kept (a CSP violation is reported there).</summary>
    private async Task<(IPage Page, List<string> Console, IBrowserContext Context)> OpenAsync(string url)
    {
        var context = await fixture.Browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) => console.Add(message.Text);
        var response = await page.GotoAsync(url);
        Assert.Equal(200, response!.Status);
        return (page, console, context);
    }

    [Theory]
    [InlineData("sk", "ltr", "Čo sa pokazilo? Označte všetko, čo platí.", new[] { "Pomalá odpoveď", "Nevyriešené", "Neslušné správanie" })]
    // Hebrew has no label for "rude": the default locale's is shown.
    [InlineData("he", "rtl", "מה השתבש? יש לסמן את כל מה שמתאים.", new[] { "תגובה איטית", "לא נפתר", "Rude" })]
    public async Task ALowScoreOffersTheReasonsInTheCustomersLanguageAndStoresTheTickedOnes(string locale, string dir, string prompt, string[] labels)
    {
        var (surveyId, url) = await SurveyAsync(locale, score: 2);
        var (page, console, context) = await OpenAsync(url);
        await using var _ = context;

        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", dir);
        await Expect(page.Locator("legend")).ToHaveTextAsync(prompt);
        var boxes = page.Locator("fieldset.reasons label");
        await Expect(boxes).ToHaveTextAsync(labels);
        await page.GetByLabel(labels[0]).CheckAsync();
        await page.GetByLabel(labels[2]).CheckAsync();
        await page.Locator("#comment").FillAsync("Čakal som týždeň / חיכיתי שבוע");
        await page.Locator("button[type=submit]").ClickAsync();

        await Expect(page.Locator("p.note")).ToBeVisibleAsync();
        await Expect(page.Locator("input[name=reason][value=slow_response]")).ToBeCheckedAsync();
        await Expect(page.Locator("input[name=reason][value=not_solved]")).Not.ToBeCheckedAsync();
        var stored = await StoredAsync(surveyId);
        Assert.Equal(2, stored.GetProperty("score").GetInt32());
        Assert.Equal(["slow_response", "rude"], stored.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!));
        Assert.Equal("web", stored.GetProperty("channel").GetString());
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("sk")]
    [InlineData("he")]
    public async Task AHighScoreOffersNoReasons(string locale)
    {
        var (surveyId, url) = await SurveyAsync(locale, score: 4);
        var (page, _, context) = await OpenAsync(url);
        await using var __ = context;

        await Expect(page.Locator("#comment")).ToBeVisibleAsync();
        await Expect(page.Locator("input[type=checkbox]")).ToHaveCountAsync(0);
        Assert.Empty((await StoredAsync(surveyId)).GetProperty("reasons").EnumerateArray());
    }
}
