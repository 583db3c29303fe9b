using System.Text.RegularExpressions;

namespace Feedback.Deploy.Tests;

/// <summary>
/// The comment block above each key of values.yaml, by dotted path (<c>dispatch.lease</c>): what <c>helm show values</c>
/// shows a user. Read line by line, since YAML parsers drop comments; values.yaml indents by two spaces.
/// </summary>
internal static partial class ValuesComments
{
    public static IReadOnlyDictionary<string, string> Read()
    {
        var comments = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = new List<string>();
        var pending = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(Repo.ChartDir, "values.yaml")))
        {
            if (line.TrimStart().StartsWith('#'))
            {
                pending.Add(line.TrimStart().TrimStart('#').Trim());
                continue;
            }

            // Keys inside list items (ingress.hosts) are deeper than the path so far: not values of their own.
            if (Key().Match(line) is { Success: true } key && key.Groups[1].Length / 2 <= path.Count)
            {
                var depth = key.Groups[1].Length / 2;
                path.RemoveRange(depth, path.Count - depth);
                path.Add(key.Groups[2].Value);
                comments[string.Join('.', path)] = string.Join(' ', pending);
            }

            pending.Clear();
        }

        return comments;
    }

    [GeneratedRegex(@"^((?:  )*)([A-Za-z_][A-Za-z0-9_]*):")]
    private static partial Regex Key();
}
