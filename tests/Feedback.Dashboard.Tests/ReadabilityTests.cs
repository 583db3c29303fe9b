using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Feedback.Dashboard.Tests;

/// <summary>What a first-time reader sees: words rather than codes, explained greys, a quiet console.</summary>
public sealed class ReadabilityTests(DashboardFixture fixture)
{
    [Fact]
    public async Task PageLoadsWithoutAFailedRequestOrConsoleErrorAndHasItsOwnIcon()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        await dashboard.SignInAsync();
        await dashboard.CommentsLoadedAsync();

        var icon = await dashboard.Page.EvaluateAsync<string?>("() => document.querySelector('link[rel=icon]')?.href ?? null");
        Assert.NotNull(icon);
        using var client = new HttpClient();
        using var response = await client.GetAsync(icon);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(dashboard.Problems);
    }

    [Fact]
    public async Task SurveyNamesCarryTheirKindOnce()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        await dashboard.SignInAsync();

        var names = await dashboard.Page.Locator("#template option").AllTextContentsAsync();

        Assert.Contains("Support effort (CES)", names);
        Assert.Contains("Post-resolution CSAT", names);
        Assert.Contains("Relationship NPS after delivery", names);
        Assert.Contains($"{DashboardFixture.FixtureTemplateName} (CSAT)", names);
        Assert.All(names, name => Assert.Single(new[] { "NPS", "CSAT", "CES" }, kind => name.Contains(kind, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ChannelsAndPropertyNamesReadAsWords()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture, groupBy: "channel");
        await dashboard.SignInAsync();
        await dashboard.CommentsLoadedAsync();

        var channels = await dashboard.BreakdownKeysAsync();
        Assert.Contains("In person", channels);
        Assert.Contains("E-mail", channels);
        await dashboard.Page.Locator("#group-by").SelectOptionAsync("resolutionTime");
        await Expect(dashboard.Page.Locator("#group-name")).ToHaveTextAsync("resolution time");
        Assert.Equal("Resolution time", await dashboard.Page.Locator("#group-by option:checked").TextContentAsync());
        var shown = await dashboard.Page.Locator("#board").InnerTextAsync();
        Assert.DoesNotContain("in_person", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("resolutionTime", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GreyedSmallSampleRowsAreExplained()
    {
        // The first breakdown of the demo CSAT survey that has a group of fewer than 30 answers.
        var (groupBy, small) = await FirstBreakdownWithSmallGroupsAsync();
        await using var dashboard = await DashboardPage.OpenAsync(fixture, groupBy: groupBy);
        await dashboard.SignInAsync();

        var greyed = dashboard.Page.Locator("#breakdown tbody tr.small");
        await Expect(greyed).ToHaveCountAsync(small);
        await Expect(greyed.First).ToHaveAttributeAsync("title", "Fewer than 30 answers: read with care");
        await Expect(dashboard.Page.Locator("#small-groups")).ToBeVisibleAsync();
        await Expect(dashboard.Page.Locator("#small-groups")).ToContainTextAsync("Grey rows rest on fewer than 30 answers");
    }

    private async Task<(string GroupBy, int Small)> FirstBreakdownWithSmallGroupsAsync()
    {
        foreach (var groupBy in new[] { "channel", "agent", "category", "product", "resolutionTime" })
        {
            var scores = await fixture.Server.ScoresAsync(fixture.CsatTemplateId, groupBy);
            var small = scores.GetProperty("groups").EnumerateArray().Count(g => g.GetProperty("smallSample").GetBoolean());
            if (small > 0)
            {
                return (groupBy, small);
            }
        }
        throw new InvalidOperationException("No breakdown of the demo data has a small group.");
    }
}
