namespace Feedback.Bench.Scenarios;

public static class ScoresScenario
{
    public static Task<Dictionary<string, object>> RunAsync(BenchOptions o) => Task.FromResult(new Dictionary<string, object>());
}
