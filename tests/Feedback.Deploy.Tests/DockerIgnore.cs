using System.Text;
using System.Text.RegularExpressions;

namespace Feedback.Deploy.Tests;

/// <summary>
/// The repository's .dockerignore as Docker applies it to the build context: paths relative to the context root,
/// <c>*</c> and <c>?</c> within one path segment, <c>**</c> across any number of them, a pattern that matches a
/// directory excludes everything below it, <c>!</c> re-includes, and the last matching line wins.
/// </summary>
internal sealed class DockerIgnore
{
    private readonly IReadOnlyList<(Regex Pattern, bool Include)> rules;

    private DockerIgnore(IReadOnlyList<(Regex, bool)> rules) => this.rules = rules;

    public bool HasExceptions => rules.Any(rule => rule.Include);

    public static DockerIgnore Load()
    {
        var rules = new List<(Regex, bool)>();
        foreach (var raw in File.ReadLines(Repo.Combine(".dockerignore")))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var include = line.StartsWith('!');
            // Docker cleans each pattern: no leading or trailing slash.
            var pattern = (include ? line[1..] : line).Trim().Trim('/');
            rules.Add((ToRegex(pattern), include));
        }

        return new DockerIgnore(rules);
    }

    /// <summary>Whether a context path (e.g. <c>src/Feedback.Api/obj/x.json</c>) is left out of the context.</summary>
    public bool IsIgnored(string relativePath)
    {
        var path = relativePath.Replace('\\', '/').Trim('/');
        var ignored = false;
        foreach (var (pattern, include) in rules)
        {
            if (SelfAndParents(path).Any(pattern.IsMatch))
            {
                ignored = !include;
            }
        }

        return ignored;
    }

    private static IEnumerable<string> SelfAndParents(string path)
    {
        for (var end = path.Length; end > 0; end = path.LastIndexOf('/', end - 1))
        {
            yield return path[..end];
        }
    }

    private static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                regex.Append(pattern[i] switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    var c => Regex.Escape(c.ToString()),
                });
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
