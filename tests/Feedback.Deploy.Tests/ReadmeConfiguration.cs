using System.Text.RegularExpressions;

namespace Feedback.Deploy.Tests;

/// <summary>
/// The settings documented in the README's "Configuration" table, as environment variable names. A first cell like
/// <c>`Feedback:Storage:MongoDb:ConnectionString` / `:Database`</c> holds two keys (the second replaces the last
/// segment of the first); <c>`OTEL_EXPORTER_OTLP_ENDPOINT`</c> is a variable already; other code in the cell
/// (<c>`--demo`</c>) is not a key.
/// </summary>
internal static partial class ReadmeConfiguration
{
    public static IReadOnlySet<string> Variables()
    {
        var lines = File.ReadAllLines(Repo.Combine("README.md"));
        var section = lines.SkipWhile(line => line.Trim() != "## Configuration").Skip(1).TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal));

        var variables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in section.Where(line => line.StartsWith("| `", StringComparison.Ordinal)))
        {
            var firstCell = row.Split('|', StringSplitOptions.RemoveEmptyEntries)[0];
            var key = "";
            foreach (var token in Code().Matches(firstCell).Select(match => match.Groups[1].Value))
            {
                if (token.StartsWith("Feedback:", StringComparison.Ordinal))
                {
                    key = token;
                }
                else if (token.StartsWith(':') && key.Length > 0)
                {
                    key = key[..key.LastIndexOf(':')] + token;
                }
                else if (EnvironmentName().IsMatch(token))
                {
                    variables.Add(token);
                    continue;
                }
                else
                {
                    continue;
                }

                variables.Add(ServiceOptions.ToEnvironmentName(key));
            }
        }

        Assert.True(variables.Count > 0, "No settings found in the README's \"## Configuration\" table.");
        return variables;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$")]
    private static partial Regex EnvironmentName();
}
