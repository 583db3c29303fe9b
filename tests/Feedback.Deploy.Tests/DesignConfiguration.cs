using System.Text.RegularExpressions;

namespace Feedback.Deploy.Tests;

/// <summary>
/// The configuration keys of the service, read from the "Configuration" table of DESIGN.md.
/// A cell like <c>`Feedback:Storage:MongoDb:ConnectionString` / `:Database`</c> holds two keys;
/// the second replaces the last segment of the first.
/// </summary>
internal static partial class DesignConfiguration
{
    public static IReadOnlySet<string> Keys()
    {
        Assert.True(File.Exists(Repo.DesignDoc), $"The design document is expected at {Repo.DesignDoc} (../shared beside the repository).");

        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadLines(Repo.DesignDoc).Where(line => line.StartsWith("| `Feedback:", StringComparison.Ordinal)))
        {
            var firstCell = line.Split('|', StringSplitOptions.RemoveEmptyEntries)[0];
            var full = "";
            foreach (var token in Code().Matches(firstCell).Select(match => match.Groups[1].Value))
            {
                full = token.StartsWith(':') ? full[..full.LastIndexOf(':')] + token : token;
                keys.Add(full);
            }
        }

        Assert.True(keys.Count > 0, $"No `Feedback:...` rows found in the configuration table of {Repo.DesignDoc}.");
        return keys;
    }

    /// <summary>Feedback:Auth:AdminKey is set from the environment as Feedback__Auth__AdminKey.</summary>
    public static string ToEnvironmentName(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    public static string FromEnvironmentName(string name) => name.Replace("__", ":", StringComparison.Ordinal);

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
