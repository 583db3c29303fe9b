using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Feedback.Deploy.Tests;

/// <summary>
/// Each value that sets an option is typed in values.schema.json like the option's property (and its [Range]), and
/// its default leaves the service's own default alone: the options classes are the one source of defaults.
/// </summary>
public sealed class ChartOptionValuesTests
{
    /// <summary>Defaults the chart sets on purpose although the service has its own, each with the reason.</summary>
    private static readonly Dictionary<string, string> ChartDefaults = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Feedback:Storage:Sqlite:Path"] =
            "on the persistence volume: the service's default, data/feedback.db, is relative to /app on a read-only root filesystem",
        ["Feedback:Storage:Sqlite:BackupDirectory"] = "beside the database on the volume, for the same reason",
    };

    private static JsonObject Defaults => YamlJson.LoadObject(Path.Combine(Repo.ChartDir, "values.yaml"));

    /// <summary>Each value from values.yaml that sets an option, with the option.</summary>
    private static IEnumerable<(string Path, ServiceOption Option)> OptionValues()
    {
        var options = ServiceOptions.All.ToDictionary(option => option.EnvironmentName, StringComparer.OrdinalIgnoreCase);
        return ChartSettings.All()
            .Where(setting => setting.ValuesPath is not null && options.ContainsKey(setting.Variable))
            .Select(setting => (setting.ValuesPath!, options[setting.Variable]));
    }

    [Fact]
    public async Task SchemaAcceptsEachOptionsValuesAndRefusesWhatTheOptionCannotTake()
    {
        var schema = await ValuesSchema.LoadAsync();
        var failures = new List<string>();

        foreach (var (path, option) in OptionValues())
        {
            foreach (var (sample, valid) in Samples(option))
            {
                var errors = schema.Validate(YamlJson.Merge(Defaults, Nested(path, sample))!);
                var named = errors.Any(error => error.EndsWith("#/" + path, StringComparison.Ordinal));
                if (valid && errors.Count > 0)
                {
                    failures.Add($"{path} = {sample?.ToJsonString()} is a valid {option.Key} but the schema refuses it: {string.Join("; ", errors)}");
                }
                else if (!valid && !named)
                {
                    failures.Add($"{path} = {sample?.ToJsonString()} is not a valid {option.Key} but the schema does not refuse it");
                }
            }
        }

        Assert.NotEmpty(OptionValues());
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void ValuesDefaultsAreEmptyOrTheServicesOwnUnlessTheChartHasAReason()
    {
        var defaults = Defaults;

        var differing = OptionValues()
            .Where(pair => !ChartDefaults.ContainsKey(pair.Option.Key))
            .Select(pair => (pair.Path, pair.Option, Value: Text(Lookup(defaults, pair.Path))))
            .Where(pair => pair.Value is not (null or "") && pair.Value != Text(pair.Option.Default))
            .Select(pair => $"{pair.Path}: {pair.Value}, but {pair.Option.Key} defaults to {Text(pair.Option.Default) ?? "nothing"}")
            .ToList();

        Assert.True(differing.Count == 0,
            "values.yaml overrides service defaults (leave them empty, or add to ChartDefaults with a reason): " + string.Join("; ", differing));
        Assert.All(ChartDefaults.Keys, key => Assert.Contains(key, ServiceOptions.Keys()));
    }

    /// <summary>Values the option's property takes (bound as ConfigurationBinder does) and values it does not.</summary>
    private static IEnumerable<(JsonNode? Sample, bool Valid)> Samples(ServiceOption option)
    {
        var type = option.ValueType;
        var (min, max) = option.Range is { } range
            ? (Convert.ToString(range.Minimum, CultureInfo.InvariantCulture), Convert.ToString(range.Maximum, CultureInfo.InvariantCulture))
            : (null, null);
        if (type == typeof(TimeSpan))
        {
            string[] valid = min is null || max is null ? ["00:01:30", "2.00:00:00", "00:00:00.5"] : [min, max];
            foreach (var sample in valid)
            {
                // What the schema lets through must be what the binder can convert.
                _ = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(sample);
                yield return (JsonValue.Create(sample), true);
            }

            yield return (JsonValue.Create("90s"), false);
            yield return (JsonValue.Create("25:00:00"), false);
            yield return (JsonValue.Create(90), false);
        }
        else if (type == typeof(int) || type == typeof(long))
        {
            var bounded = min is not null && max is not null;
            var (low, high) = bounded ? (long.Parse(min!, CultureInfo.InvariantCulture), long.Parse(max!, CultureInfo.InvariantCulture)) : (1L, 1L);
            yield return (JsonValue.Create(low), true);
            yield return (JsonValue.Create(high), true);
            if (bounded)
            {
                yield return (JsonValue.Create(low - 1), false);
                yield return (JsonValue.Create(high + 1), false);
            }

            yield return (JsonValue.Create("ten"), false);
            yield return (JsonValue.Create(1.5), false);
        }
        else if (type == typeof(bool))
        {
            yield return (JsonValue.Create(true), true);
            yield return (JsonValue.Create(false), true);
            yield return (JsonValue.Create("yes"), false);
        }
        else if (type == typeof(string))
        {
            // Valid strings depend on the option (a URL, an address, a path); a number never is one.
            yield return (JsonValue.Create(42), false);
        }
        else
        {
            throw new NotSupportedException($"{option.Key} is a {type.Name}: teach {nameof(ChartOptionValuesTests)} its values.");
        }
    }

    private static JsonNode Nested(string path, JsonNode? value)
    {
        var node = value;
        foreach (var segment in path.Split('.').Reverse())
        {
            node = new JsonObject { [segment] = node };
        }

        return node!;
    }

    private static JsonNode? Lookup(JsonObject values, string path) =>
        path.Split('.').Aggregate((JsonNode?)values, (node, segment) => node is JsonObject map ? map[segment] : null);

    // The configuration text of a value: how a TimeSpan, a bool or a number is written in the environment.
    private static string? Text(object? value) => value switch
    {
        null => null,
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        JsonValue json when json.TryGetValue<bool>(out var flag) => flag ? "true" : "false",
        JsonValue json when json.TryGetValue<string>(out var text) => text,
        JsonValue json => json.ToJsonString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
