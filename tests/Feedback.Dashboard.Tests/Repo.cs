namespace Feedback.Dashboard.Tests;

/// <summary>Paths in the repository, found from the test binaries so any working directory works.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Combine(parts));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Feedback.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Feedback.sln in {AppContext.BaseDirectory} or above.");
    }
}
