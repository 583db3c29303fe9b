using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Feedback.Dashboard.Tests;

/// <summary>
/// A link survey's embed page in Chromium, framed by two loopback origins: the one in Feedback:Pages:FrameAncestors
/// shows the survey and records a click, the other gets nothing. The framing pages are served by Playwright's routing,
/// so no second server is needed; the frame itself comes from the real service.
/// </summary>
public sealed class EmbedFramingTests(DashboardFixture fixture)
{
    public const string AllowedOrigin = "http://127.0.0.1:7101";
    public const string OtherOrigin = "http://127.0.0.1:7102";

    // A template of its own: the answers must not move the dashboard's fixture counts.
    private async Task<(string TemplateId, string AnswerUrl)> LinkSurveyAsync(string subjectId)
    {
        var templateId = await fixture.Server.CreateTemplateAsync($"Embed {subjectId}", "csat");
        using var admin = fixture.Server.Client(DashboardServer.AdminKey);
        var response = await admin.PostAsJsonAsync("/v1/surveys", new
        {
            templateId, subjectId, delivery = "link", customer = new { id = $"visitor-{subjectId}" },
        });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        // The public base URL is the listening address here, so the link opens the real page.
        return (templateId, created.GetProperty("answerUrl").GetString()!);
    }

    private async Task<(IBrowserContext Context, IPage Page)> FramedAsync(string origin, string answerUrl)
    {
        var context = await fixture.Browser.NewContextAsync();
        await context.RouteAsync($"{origin}/**", route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = $"<!DOCTYPE html><title>shop</title><iframe id=survey src=\"{answerUrl}?embed=1\" width=600 height=400></iframe>",
        }));
        var page = await context.NewPageAsync();
        page.Console += (_, m) => Console.Error.WriteLine("CONSOLE " + m.Text);
        page.FrameNavigated += (_, f) => Console.Error.WriteLine("FRAME " + f.Url);
        await page.GotoAsync($"{origin}/checkout/done");
        await page.WaitForLoadStateAsync(LoadState.Load);
        return (context, page);
    }

    [Fact]
    public async Task TheConfiguredOriginShowsTheSurveyInAFrameAndAClickAnswersIt()
    {
        var (templateId, answerUrl) = await LinkSurveyAsync("embed-allowed");
        using (var probe = new HttpClient())
        {
            var r = await probe.GetAsync($"{answerUrl}?embed=1");
            Console.Error.WriteLine("URL " + answerUrl + " " + (int)r.StatusCode + " " + string.Join(" | ", r.Headers.Select(h => h.Key + ": " + string.Join(",", h.Value))));
        }
        var (context, page) = await FramedAsync(AllowedOrigin, answerUrl);
        await using var _ = context;

        var scale = page.FrameLocator("#survey").Locator("ul.scale a");
        await Assertions.Expect(scale).ToHaveCountAsync(5);
        await scale.Nth(3).ClickAsync();

        await Assertions.Expect(page.FrameLocator("#survey").Locator("form textarea")).ToBeVisibleAsync();
        using var read = fixture.Server.Client(fixture.Server.ReadKey);
        var answers = await read.GetFromJsonAsync<JsonElement>($"/v1/responses?templateId={templateId}");
        var answer = answers.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(4, answer.GetProperty("score").GetInt32());
        Assert.Equal("web", answer.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task AnotherOriginGetsNoSurveyInItsFrame()
    {
        var (_, answerUrl) = await LinkSurveyAsync("embed-refused");
        var (context, page) = await FramedAsync(OtherOrigin, answerUrl);
        await using var _ = context;

        // Chromium refuses the frame (frame-ancestors) and shows its error page: no question, no score links.
        var frame = page.Frames.Single(f => f != page.MainFrame);
        await frame.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(0, await page.FrameLocator("#survey").Locator("ul.scale a").CountAsync());
        // The page itself is there: only the framing is refused.
        using var direct = new HttpClient();
        Assert.Contains("class=\"scale\"", await direct.GetStringAsync($"{answerUrl}?embed=1"));
    }
}
