using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Feedback.Deploy.Tests;

/// <summary>values.yaml and the templates agree: no template reads a missing value, no value is dead.</summary>
public sealed partial class ChartValuesReferenceTests
{
    private static JsonObject Values => YamlJson.LoadObject(Path.Combine(Repo.ChartDir, "values.yaml"));

    // `.Values.a.b` and `$.Values.a.b`; a whole-map reference (toYaml .Values.resources) covers its leaves.
    private static IReadOnlySet<string> ReferencedPaths() =>
        ValuesPath().Matches(Repo.AllTemplates()).Select(match => match.Groups[1].Value.TrimStart('.')).ToHashSet();

    [Fact]
    public void EveryValuesPathReadByTheTemplatesExistsInValuesYaml()
    {
        var values = Values;

        var missing = ReferencedPaths().Where(path => !Exists(values, path)).Order().ToList();

        Assert.True(missing.Count == 0, "Templates read values that values.yaml lacks: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryLeafOfValuesYamlIsUsedByATemplate()
    {
        var referenced = ReferencedPaths();

        var unused = Leaves(Values, "")
            .Where(leaf => !referenced.Any(path => leaf == path || leaf.StartsWith(path + ".", StringComparison.Ordinal)))
            .ToList();

        Assert.True(unused.Count == 0, "values.yaml keys no template uses: " + string.Join(", ", unused));
    }

    [Fact]
    public void TemplatesFailOnSeveralReplicasOverSqlite()
    {
        var helpers = Repo.Read("charts", "feedback", "templates", "_helpers.tpl");
        var deployment = Repo.Read("charts", "feedback", "templates", "deployment.yaml");

        Assert.Contains("include \"feedback.validateValues\"", deployment, StringComparison.Ordinal);
        Assert.Matches(@"gt \(int \.Values\.replicaCount\) 1\) }}\s*{{- fail ""replicaCount", helpers);
        Assert.Matches(@"\.Values\.autoscaling\.enabled }}\s*{{- fail ""autoscaling", helpers);
    }

    [Fact]
    public void TemplatesFailOnABackupDirectoryOffTheDataVolume()
    {
        var helpers = Repo.Read("charts", "feedback", "templates", "_helpers.tpl");

        // The root filesystem is read-only: only the volume at the database's directory takes backups.
        Assert.Matches(@"hasPrefix \(printf ""%s/"" \(dir \.Values\.storage\.sqlite\.path\)\) \.Values\.storage\.sqlite\.backupDirectory\)\) }}\s*{{- fail ""storage\.sqlite\.backupDirectory", helpers);
    }

    private static bool Exists(JsonObject values, string path)
    {
        JsonNode? node = values;
        foreach (var segment in path.Split('.'))
        {
            if (node is not JsonObject map || !map.ContainsKey(segment))
            {
                return false;
            }

            node = map[segment];
        }

        return true;
    }

    // Lists and empty maps are leaves: templates pass them through whole.
    private static IEnumerable<string> Leaves(JsonNode? node, string prefix) =>
        node is JsonObject { Count: > 0 } map
            ? map.SelectMany(pair => Leaves(pair.Value, prefix.Length == 0 ? pair.Key : $"{prefix}.{pair.Key}"))
            : [prefix];

    [GeneratedRegex(@"\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)")]
    private static partial Regex ValuesPath();
}
