namespace Feedback.Api.Tests.Infrastructure;

/// <summary>The checked-out repository, for tests that read its committed files.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Feedback.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Feedback.sln above {AppContext.BaseDirectory}.");
    }
}
