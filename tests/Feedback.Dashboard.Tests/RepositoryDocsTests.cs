using System.Text.Json;
using System.Text.RegularExpressions;

namespace Feedback.Dashboard.Tests;

/// <summary>The repository stands alone: its own API contract, linked from the README, which says what to install first.</summary>
public sealed partial class RepositoryDocsTests
{
    // Spelled in two parts so this file does not match its own search.
    private static readonly string[] OutsideReferences = ["../" + "shared", "DESIGN" + ".md"];

    private static readonly string[] SkippedDirectories = [".git", "bin", "obj", "node_modules", "TestResults"];

    [Fact]
    public void NothingInTheRepositoryRefersToFilesBesideIt()
    {
        var found = TextFiles(Repo.Root)
            .SelectMany(path => File.ReadLines(path).Select((line, i) => (path, line, number: i + 1)))
            .Where(hit => OutsideReferences.Any(reference => hit.line.Contains(reference, StringComparison.OrdinalIgnoreCase)))
            .Select(hit => $"{Path.GetRelativePath(Repo.Root, hit.path)}:{hit.number}: {hit.line.Trim()}")
            .ToList();

        Assert.Empty(found);
    }

    [Fact]
    public void ReadmeFirstParagraphLinksTheApiContractAndTheArchitecture()
    {
        var firstParagraph = Repo.Read("README.md").ReplaceLineEndings("\n").Split("\n\n")[1];

        Assert.Contains("](docs/api.md)", firstParagraph, StringComparison.Ordinal);
        Assert.Contains("](docs/architecture.md)", firstParagraph, StringComparison.Ordinal);
        Assert.True(File.Exists(Repo.Combine("docs", "api.md")));
    }

    [Fact]
    public void ApiContractNamesEveryRouteOfTheOpenApiDocument()
    {
        var contract = Repo.Read("docs", "api.md");
        using var openApi = JsonDocument.Parse(Repo.Read("openapi", "feedback.v1.json"));

        var missing = openApi.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .Where(route => !Regex.IsMatch(contract, Regex.Escape(route) + @"(?![\w/.{-])"))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void ApiContractLinksOnlyToFilesThatExist()
    {
        var broken = MarkdownLink().Matches(Repo.Read("docs", "api.md"))
            .Select(match => match.Groups["target"].Value)
            .Where(target => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith('#'))
            .Select(target => target.Split('#')[0])
            .Where(target => !File.Exists(Path.Combine(Repo.Root, "docs", target)))
            .ToList();

        Assert.Empty(broken);
    }

    [Fact]
    public void ReadmeStartsWithThePrerequisitesAndWhatTestShInstalls()
    {
        var readme = Repo.Read("README.md");
        var firstSection = Section(readme, readme.IndexOf("\n## ", StringComparison.Ordinal));
        using var globalJson = JsonDocument.Parse(Repo.Read("global.json"));
        var sdk = globalJson.RootElement.GetProperty("sdk").GetProperty("version").GetString()!;
        // What test.sh installs with apt when it is missing: missing+=(nodejs npm), missing+=(chromium).
        var installed = InstalledPackages().Matches(Repo.Read("test.sh")).SelectMany(m => m.Groups["packages"].Value.Split(' ')).ToList();

        Assert.StartsWith("## Prerequisites", firstSection.TrimStart(), StringComparison.Ordinal);
        Assert.Contains(".NET SDK", firstSection, StringComparison.Ordinal);
        Assert.Contains(sdk, firstSection, StringComparison.Ordinal);
        Assert.Contains("as root", firstSection, StringComparison.Ordinal);
        Assert.Contains("/usr/bin/chromium", firstSection, StringComparison.Ordinal);
        Assert.Equal(["nodejs", "npm", "chromium"], installed);
        Assert.All(installed, package => Assert.Contains($"`{package}`", firstSection, StringComparison.Ordinal));
    }

    [Fact]
    public void ReadmeCallsMongoDbWhatItsOwnDocSays()
    {
        const string Status = "not yet run against a live server";
        var readme = Repo.Read("README.md");
        var adapterRow = readme.Split('\n').Single(line => line.StartsWith("| `src/Feedback.Storage.MongoDb`", StringComparison.Ordinal));

        Assert.Contains(Status, Repo.Read("docs", "mongodb.md"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Status, Section(readme, readme.IndexOf("## Prerequisites", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(Status, adapterRow, StringComparison.Ordinal);
        Assert.DoesNotContain("production store", readme, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The markdown section that starts at <paramref name="start"/> (a "## " heading), up to the next one.</summary>
    private static string Section(string markdown, int start)
    {
        var next = markdown.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        return next < 0 ? markdown[start..] : markdown[start..next];
    }

    private static IEnumerable<string> TextFiles(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            var bytes = File.ReadAllBytes(file);
            if (!bytes.Contains((byte)0))
            {
                yield return file;
            }
        }
        foreach (var child in Directory.EnumerateDirectories(directory).Where(d => !SkippedDirectories.Contains(Path.GetFileName(d))))
        {
            foreach (var file in TextFiles(child))
            {
                yield return file;
            }
        }
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"missing\+=\((?<packages>[a-z0-9 -]+)\)")]
    private static partial Regex InstalledPackages();
}
