using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Feedback.Dashboard.Tests;

public sealed class FollowUpsPanelTests(DashboardFixture fixture)
{
    private const string ScriptComment = "<script>window.injected = true</script>Nobody called back";

    // One template of its own with three low answers and one high one; one of the low ones resolved at once.
    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static string? _templateId;

    private async Task<string> TemplateAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (_templateId is null)
            {
                using var admin = fixture.Server.Client(DashboardServer.AdminKey);
                var created = await admin.PostAsJsonAsync("/v1/templates", new
                {
                    name = "Follow-ups fixture", kind = "csat", defaultLocale = "en",
                    followUp = new { maxScore = 2, due = "PT24H" },
                    content = new Dictionary<string, object> { ["en"] = new { subject = "How did we do?", question = "How was it?" } },
                });
                created.EnsureSuccessStatusCode();
                var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                await fixture.Server.AnswerAsync(id, "followups-1", 1, ScriptComment, "en");
                await fixture.Server.AnswerAsync(id, "followups-2", 2, "Refund still missing", "en");
                await fixture.Server.AnswerAsync(id, "followups-3", 1, "Wrong size again", "en");
                await fixture.Server.AnswerAsync(id, "followups-4", 5, "Great", "en");
                var page = await admin.GetFromJsonAsync<JsonElement>($"/v1/followups?templateId={id}");
                var third = page.GetProperty("items").EnumerateArray().Single(f => f.GetProperty("responseId").GetString() == "followups-3");
                (await admin.PatchAsJsonAsync($"/v1/followups/{third.GetProperty("id").GetString()}", new { status = "resolved" })).EnsureSuccessStatusCode();
                _templateId = id;
            }
            return _templateId;
        }
        finally
        {
            Seeding.Release();
        }
    }

    [Fact]
    public async Task PanelShowsOpenAndOverdueCountsTheOldestOpenOnesAndTheShareResolvedWithinDue()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture, templateId: await TemplateAsync());
        await dashboard.SignInAsync();
        var rows = dashboard.Page.Locator("#followups tbody tr");

        await Expect(rows).ToHaveCountAsync(2);

        await Expect(dashboard.Page.Locator("#followups-open")).ToHaveTextAsync("2");
        await Expect(dashboard.Page.Locator("#followups-overdue")).ToHaveTextAsync("0");
        await Expect(dashboard.Page.Locator("#followups-within-due")).ToHaveTextAsync("100.0 %");
        // The answers were recorded in the same (fake) millisecond, so the two rows may come in either order.
        var shown = (await rows.AllAsync()).Select(async row => string.Join(" | ", await row.Locator("td").AllTextContentsAsync()));
        Assert.Equal(
            [$"1 | {ScriptComment} | nobody | 2026-11-24 10:00 UTC", "2 | Refund still missing | nobody | 2026-11-24 10:00 UTC"],
            (await Task.WhenAll(shown)).Order(StringComparer.Ordinal));
        await Expect(dashboard.Page.Locator("#followups-note")).ToContainTextAsync("3 opened and 1 resolved in this period");
        Assert.Equal(0, await dashboard.Page.Locator("#followups script").CountAsync());
        Assert.True(await dashboard.Page.EvaluateAsync<bool>("() => window.injected === undefined"));
        Assert.Empty(dashboard.Problems);
    }
}
