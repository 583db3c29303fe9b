using Feedback.Bench.Harness;
using Feedback.Bench.Scenarios;

namespace Feedback.Bench;

/// <summary>dotnet run -c Release --project bench/Feedback.Bench -- &lt;scenario|all&gt; [--quick] [--out &lt;dir&gt;]</summary>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["serve", ..])
        {
            return await ChildHost.ServeAsync(args);
        }
        var scenarios = new Dictionary<string, Func<BenchOptions, Task<Dictionary<string, object>>>>
        {
            ["ingest"] = IngestScenario.RunAsync,
            // Never the service's default: the figures of Feedback:Storage:Sqlite:Synchronous=Normal beside the durable ones.
            ["ingest-normal"] = o => IngestScenario.RunAsync(o, ["Feedback:Storage:Sqlite:Synchronous=Normal"]),
            ["batch"] = BatchScenario.RunAsync,
            ["dispatch"] = DispatchScenario.RunAsync,
            ["memory"] = MemoryScenario.RunAsync,
            ["answer"] = AnswerScenario.RunAsync,
            ["scores"] = ScoresScenario.RunAsync,
            ["scores-pair"] = ScoresPairScenario.RunAsync,
            ["themes"] = ThemesScenario.RunAsync,
        };
        if (BenchOptions.Parse(args, scenarios.Keys) is not { } options)
        {
            Console.Error.WriteLine($"usage: Feedback.Bench <{string.Join("|", scenarios.Keys)}|all>... [--quick] [--out <dir>] [--responses N]");
            return 2;
        }
        foreach (var name in options.Scenarios)
        {
            var figures = await scenarios[name](options);
            await BenchResults.WriteAsync(options.OutDirectory, name, options.Quick, figures);
        }
        return 0;
    }
}
