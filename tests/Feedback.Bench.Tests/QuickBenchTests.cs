using System.Text.Json;
using Feedback.Bench;

namespace Feedback.Bench.Tests;

/// <summary>
/// Runs every benchmark scenario in quick mode (tiny sizes) in this process and checks each wrote sane figures. It keeps
/// the harness working; it never asserts on speed — the figures of a CI machine mean nothing.
/// </summary>
public sealed class QuickBenchTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("feedback-bench-test-").FullName;

    [Fact]
    public async Task Every_scenario_runs_in_quick_mode_and_writes_sane_figures()
    {
        Assert.Equal(0, await BenchMain.Main(["all", "--quick", "--out", _out]));

        var ingest = Figures("ingest");
        Assert.Equal(0, Number(ingest, "failures"));
        Finite(ingest, "commitLatencyMs");
        foreach (var c in new[] { "c32.", "c256." })
        {
            Assert.True(Number(ingest, c + "serviceRequests") > 0);
            Assert.True(Number(ingest, c + "baselineRequests") > 0);
            Finite(ingest, c + "ratio", c + "ratioToMinOfBaselineAndCommitBound", c + "servicep99Ms", c + "serviceCpuUsPerRequest", c + "baselineCpuUsPerRequest", c + "cpuRatio");
        }

        var relaxed = Figures("ingest-normal");
        Assert.Equal(0, Number(relaxed, "failures"));
        Finite(relaxed, "c32.ratio", "c256.ratio", "c256.cpuRatio");

        var batch = Figures("batch");
        Assert.True(Number(batch, "requests") > 0);
        Assert.Equal(0, Number(batch, "failures"));
        Finite(batch, "eventsPerSecond", "ratio");

        var dispatch = Figures("dispatch");
        Assert.Equal(Number(dispatch, "surveys"), Number(dispatch, "emailsSent"));
        Assert.Equal(Number(dispatch, "surveys"), Number(dispatch, "sinkLatency20Ms.emailsSent"));
        Assert.True(Number(dispatch, "requestsMade") > 0);
        Finite(dispatch, "emailsPerSecond", "sinkLatency20Ms.emailsPerSecond", "cpuUsPerEmail", "sinkLatency20Ms.cpuUsPerEmail");

        var memory = Figures("memory");
        Assert.Equal(Number(memory, "dueSurveys"), Number(memory, "emailsAtSink"));
        Assert.True(Number(memory, "rssAfterFirstPassMb") > 0);
        Assert.True(Number(memory, "rssSteadyMb") > 0);

        var answer = Figures("answer");
        Assert.Equal(0, Number(answer, "failures"));
        foreach (var rate in new[] { 1000, 2000, 5000, 10000 })
        {
            Assert.Equal(Number(answer, "requestsPerRate"), Number(answer, $"r{rate}.requests"));
            Finite(answer, $"r{rate}.p50Ms", $"r{rate}.p99Ms");
        }
        Assert.Contains(Number(answer, "highestRateHeld"), new double[] { 0, 1000, 2000, 5000, 10000 });

        var scores = Figures("scores");
        Assert.Equal(Number(scores, "responses"), Number(scores, "rollupResponsesCounted"));
        Assert.Equal(Number(scores, "responses"), Number(scores, "scanResponsesCounted"));
        Assert.True(scores.GetProperty("sameScore").GetBoolean());
        Finite(scores, "ratioP50", "ratioP95", "queryp95Ms");

        // Filter on one pair property, group by the other: the pair rollups must answer it, with the scan's groups.
        var pair = Figures("scores-pair");
        Assert.Equal("rollups", pair.GetProperty("source").GetString());
        Assert.True(pair.GetProperty("sameGroups").GetBoolean());
        Assert.True(Number(pair, "groups") > 1, "the breakdown has more than one group");
        Assert.Equal(Number(pair, "scanResponsesCounted"), Number(pair, "rollupResponsesCounted"));
        Finite(pair, "rollupResponsesCounted", "ratioP95", "queryp95Ms");

        var themes = Figures("themes");
        Assert.Equal(Number(themes, "comments"), Number(themes, "commentsCounted"));
        Assert.True(themes.GetProperty("plantedThemeFirstInEveryLanguage").GetBoolean());
        Finite(themes, "lowp95Ms", "highp95Ms", "filteredp95Ms");
    }

    private JsonElement Figures(string scenario)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, $"{scenario}.json")));
        var root = document.RootElement;
        Assert.True(root.GetProperty("quick").GetBoolean());
        Assert.True(root.GetProperty("machine").GetProperty("cores").GetInt32() > 0);
        return root.GetProperty("figures").Clone();
    }

    private static double Number(JsonElement figures, string name) => figures.GetProperty(name).GetDouble();

    private static void Finite(JsonElement figures, params string[] names)
    {
        foreach (var name in names)
        {
            var value = Number(figures, name);
            Assert.True(double.IsFinite(value) && value > 0, $"{name} = {value}");
        }
    }

    public void Dispose() => Directory.Delete(_out, recursive: true);
}
