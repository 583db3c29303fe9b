using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace Feedback.Dashboard.Tests;

/// <summary>
/// The trend as drawn: Chart.js's resolved options per point, compared with the series the API serves. The demo period
/// starts on Thursday 2026-09-24, so its first week (from Monday 09-21) and its last (from Monday 11-23) are partial.
/// </summary>
public sealed class TrendChartTests(DashboardFixture fixture)
{
    private const string Accent = "#1d4ed8";
    private const string Muted = "#9ca3af";

    private const string ReadChart = """
        () => {
          const chart = Chart.getChart(document.getElementById('trend'));
          const meta = chart.getDatasetMeta(0);
          return {
            labels: chart.data.labels,
            fills: meta.data.map(p => p.options.backgroundColor),
            radii: meta.data.map(p => p.options.radius),
            bandLabels: [chart.data.datasets[2].label, chart.data.datasets[3].label],
            low: chart.data.datasets[2].data, high: chart.data.datasets[3].data, bandFill: chart.data.datasets[3].fill,
            scores: chart.data.datasets[0].data,
            axis: [chart.scales.score.min, chart.scales.score.max],
          };
        }
        """;

    [Fact]
    public async Task PartialBucketsAreHollowPointsAndEveryPointSitsInItsIntervalBand()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        await dashboard.SignInAsync();

        var drawn = await dashboard.Page.EvaluateAsync<JsonElement>(ReadChart);

        var series = (await fixture.Server.ScoresAsync(fixture.CsatTemplateId, "channel")).GetProperty("series").EnumerateArray().ToList();
        Assert.Equal("2026-09-21", series[0].GetProperty("start").GetString());
        Assert.Equal(series.Select(p => p.GetProperty("partial").GetBoolean()), series.Select((_, i) => i == 0 || i == series.Count - 1));
        Assert.Equal(series.Select(p => p.GetProperty("partial").GetBoolean() ? "#fff" : p.GetProperty("smallSample").GetBoolean() ? Muted : Accent), Strings(drawn, "fills"));
        Assert.Equal(series.Select(p => Bound(p, "low")), Numbers(drawn, "low"));
        Assert.Equal(series.Select(p => Bound(p, "high")), Numbers(drawn, "high"));
        Assert.Equal("-1", drawn.GetProperty("bandFill").GetString());
        await Expect(dashboard.Page.Locator("#trend-note")).ToContainTextAsync("partial bucket");
        await Expect(dashboard.Page.Locator("#rate-note")).ToContainTextAsync("Answers to e-mailed surveys");
    }

    [Fact]
    public async Task PointsOfFewerThanThirtyAnswersAreSmallAndGrey()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture, templateId: fixture.FixtureTemplateId);
        await dashboard.SignInAsync();

        var drawn = await dashboard.Page.EvaluateAsync<JsonElement>(ReadChart);

        var scores = drawn.GetProperty("scores").EnumerateArray().ToList();
        var answered = scores.FindIndex(s => s.ValueKind == JsonValueKind.Number);
        Assert.True(answered >= 0, "no point with answers");
        Assert.Equal(3, drawn.GetProperty("radii")[answered].GetDouble());
        // The last week is partial too: hollow, with the small sample's grey border.
        Assert.Equal(answered == scores.Count - 1 ? "#fff" : Muted, drawn.GetProperty("fills")[answered].GetString());
    }

    [Fact]
    public async Task TheNpsAxisSpansTheDataNotTheWholeScale()
    {
        var npsTemplate = await fixture.Server.TemplateIdAsync("nps");
        await using var dashboard = await DashboardPage.OpenAsync(fixture, templateId: npsTemplate, kind: "nps");
        await dashboard.SignInAsync();

        var drawn = await dashboard.Page.EvaluateAsync<JsonElement>(ReadChart);

        var (min, max) = (drawn.GetProperty("axis")[0].GetDouble(), drawn.GetProperty("axis")[1].GetDouble());
        var plotted = Numbers(drawn, "scores").Concat(Numbers(drawn, "low")).Concat(Numbers(drawn, "high")).OfType<double>().ToList();
        Assert.NotEmpty(plotted);
        Assert.True(max - min < 200, $"axis {min}…{max} is the whole scale");
        Assert.All(plotted, v => Assert.InRange(v, min, max));
    }

    private static double? Bound(JsonElement point, string bound) =>
        point.GetProperty("responses").GetInt64() > 0 && point.GetProperty("confidence95") is { ValueKind: JsonValueKind.Object } interval
            ? interval.GetProperty(bound).GetDouble()
            : null;

    private static IEnumerable<string?> Strings(JsonElement drawn, string name) => drawn.GetProperty(name).EnumerateArray().Select(e => e.GetString());

    private static IEnumerable<double?> Numbers(JsonElement drawn, string name) =>
        drawn.GetProperty(name).EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : (double?)null);
}
