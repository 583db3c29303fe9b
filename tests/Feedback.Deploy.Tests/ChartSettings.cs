using System.Text.RegularExpressions;

namespace Feedback.Deploy.Tests;

/// <summary>One environment variable the chart gives the pod, and the values.yaml key it comes from (none for a fixed one).</summary>
internal sealed record ChartSetting(string Variable, string? ValuesPath, string Template);

/// <summary>
/// The pod's settings as the ConfigMap and Secret templates write them: each a
/// <c>include "feedback.setting" (list "NAME" .Values.path)</c> (left out when the value is empty), or a fixed
/// <c>NAME: "value"</c>. A <c>$variable</c> argument is followed to its <c>$variable := .Values.path</c>.
/// </summary>
internal static partial class ChartSettings
{
    public static readonly string[] Templates = ["configmap.yaml", "secret.yaml"];

    public static IReadOnlyList<ChartSetting> All()
    {
        var settings = new List<ChartSetting>();
        foreach (var template in Templates)
        {
            var text = File.ReadAllText(Path.Combine(Repo.TemplatesDir, template));
            var variables = Assignment().Matches(text).ToDictionary(match => match.Groups[1].Value, match => match.Groups[2].Value);
            settings.AddRange(Setting().Matches(text).Select(match =>
            {
                var argument = match.Groups[2].Value;
                var path = argument.StartsWith('$') ? variables.GetValueOrDefault(argument[1..]) : argument[".Values.".Length..];
                return new ChartSetting(match.Groups[1].Value, path, template);
            }));
            settings.AddRange(Fixed().Matches(text).Select(match => new ChartSetting(match.Groups[1].Value, null, template)));
        }

        return settings;
    }

    public static IReadOnlySet<string> Variables() => All().Select(setting => setting.Variable).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"include ""feedback\.setting"" \(list ""([A-Za-z_][A-Za-z0-9_]*)"" (\.Values\.[A-Za-z0-9_.]+|\$[A-Za-z0-9_]+)\)")]
    private static partial Regex Setting();

    [GeneratedRegex(@"\$([A-Za-z0-9_]+) := \.Values\.([A-Za-z0-9_.]+)")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"^  ([A-Za-z_][A-Za-z0-9_]*): """, RegexOptions.Multiline)]
    private static partial Regex Fixed();
}
