namespace Feedback.Bench;

/// <summary>
/// What to run and at which size. <see cref="Quick"/> shrinks every scenario so all of them finish in well under a
/// minute (CI keeps the harness working; its figures mean nothing) and writes to a temp directory unless --out is given.
/// </summary>
public sealed record BenchOptions(IReadOnlyList<string> Scenarios, bool Quick, string OutDirectory, long? Responses = null)
{
    public TimeSpan LoadDuration => Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(20);
    public TimeSpan Warmup => Quick ? TimeSpan.FromSeconds(0.5) : TimeSpan.FromSeconds(5);
    public int Connections => Quick ? 8 : 64;
    public int BatchRequests => Quick ? 3 : 100;
    public int DispatchSurveys => Quick ? 2_000 : 100_000;
    public int PendingSurveys => Quick ? 5_000 : 1_000_000;
    /// <summary>One-click answers sent at each rate of the answer scenario's sweep (each answers its own survey).</summary>
    public int AnswerRequestsPerRate => Quick ? 200 : 20_000;
    public int AnswerConnections => Quick ? 8 : 256;
    /// <summary>Responses of the scores scenario; <c>--responses N</c> overrides (a smaller run on a slow disk).</summary>
    public long ScoreResponses => Responses ?? (Quick ? 20_000 : 10_000_000);
    public int ScoreQueries => Quick ? 20 : 200;
    public int FullScans => Quick ? 2 : 3;
    /// <summary>Commented answers of the themes scenario, all inside the queried 30 days.</summary>
    public long ThemeComments => Quick ? 4_000 : 100_000;
    public int ThemeQueries => Quick ? 10 : 50;
    /// <summary>Made-up words per language the themes scenario draws its comments from.</summary>
    public int ThemeVocabulary => Quick ? 2_000 : 20_000;

    public static BenchOptions? Parse(string[] args, IEnumerable<string> known)
    {
        var names = known.ToList();
        var scenarios = new List<string>();
        var quick = false;
        string? output = null;
        long? responses = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--responses" when i + 1 < args.Length && long.TryParse(args[i + 1], out var n) && n > 0:
                    responses = n;
                    i++;
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "all":
                    scenarios.AddRange(names);
                    break;
                case var name when names.Contains(name):
                    scenarios.Add(name);
                    break;
                default:
                    return null;
            }
        }
        if (scenarios.Count == 0)
        {
            return null;
        }
        output ??= quick ? Directory.CreateTempSubdirectory("feedback-bench-quick-").FullName : Path.Combine(RepositoryRoot(), "bench", "results");
        return new BenchOptions(scenarios.Distinct().ToList(), quick, output, responses);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Feedback.sln")))
            {
                return directory.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
