using static Microsoft.Playwright.Assertions;

namespace Feedback.Dashboard.Tests;

public sealed class ReasonBreakdownTests(DashboardFixture fixture)
{
    [Fact]
    public async Task TheReasonBreakdownShowsTheTemplatesLabelsWithTheServedCounts()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture, groupBy: "reason");
        await dashboard.SignInAsync();
        await Expect(dashboard.Page.Locator("#group-name")).ToHaveTextAsync("reason");

        var scores = await fixture.Server.ScoresAsync(fixture.CsatTemplateId, "reason");
        var labels = new Dictionary<string, string>
        {
            ["slow_response"] = "The answer took too long", ["not_solved"] = "My problem is not solved", ["rude"] = "I was treated rudely",
        };
        var expected = scores.GetProperty("groups").EnumerateArray()
            .Select(g => g.GetProperty("key").GetString()!)
            .Select(key => labels.GetValueOrDefault(key, key))
            .ToList();

        // The demo gives low CSAT answers reasons, so every reason has answers and the rest are (none).
        Assert.Equal(4, expected.Count);
        Assert.Equal("(none)", expected[^1]);
        await Expect(dashboard.Page.Locator("#breakdown tbody tr td:first-child")).ToHaveTextAsync([.. expected]);
        Assert.Equal("Reason", await dashboard.Page.Locator("#group-by option:checked").TextContentAsync());
    }
}
