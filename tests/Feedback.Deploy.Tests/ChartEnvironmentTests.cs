namespace Feedback.Deploy.Tests;

/// <summary>
/// The chart exposes the service's configuration: every option the service binds (found by reflection over its
/// options classes, <see cref="ServiceOptions"/>) and every setting the README documents can be set from values.yaml,
/// and everything the chart sets is one of them.
/// </summary>
public sealed class ChartEnvironmentTests
{
    /// <summary>Options the chart deliberately does not expose, each with the reason. Keep it short.</summary>
    private static readonly Dictionary<string, string> NotInTheChart = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Feedback:Dispatch:JitterSeed"] =
            "test-only: seeds the retry jitter so a test run can be replayed; a deployment wants random jitter, or replicas retry in step",
    };

    /// <summary>Variables the chart fixes instead of reading from values.yaml, each with the reason.</summary>
    private static readonly Dictionary<string, string> FixedByTheChart = new(StringComparer.Ordinal)
    {
        ["ASPNETCORE_HTTP_PORTS"] = "the container port the Deployment's probes and the Service target (8080, as in the image)",
    };

    // Keys that are credentials: they belong in the Secret, never in the ConfigMap.
    private static readonly string[] SecretKeys =
    [
        "Feedback__Auth__AdminKey",
        "Feedback__SendGrid__ApiKey",
        "Feedback__Storage__MongoDb__ConnectionString",
    ];

    [Fact]
    public void EveryOptionTheServiceBindsCanBeSetThroughTheChart()
    {
        var set = ChartSettings.Variables();

        var missing = ServiceOptions.All
            .Where(option => !NotInTheChart.ContainsKey(option.Key) && !set.Contains(option.EnvironmentName))
            .Select(option => $"{option.Key} ({option.Property.DeclaringType?.Name}.{option.Property.Name})")
            .ToList();

        Assert.True(ServiceOptions.All.Count > 20, $"Only {ServiceOptions.All.Count} options found by reflection; is an assembly missing?");
        Assert.True(missing.Count == 0,
            "Options the chart cannot set: " + string.Join(", ", missing)
            + ". Add each to values.yaml, values.schema.json and templates/configmap.yaml (or secret.yaml), or to NotInTheChart with a reason.");
    }

    [Fact]
    public void OptionsLeftOutOfTheChartStillExistAndAreStillLeftOut()
    {
        var keys = ServiceOptions.Keys();
        var set = ChartSettings.Variables();

        Assert.All(NotInTheChart, pair =>
        {
            Assert.True(keys.Contains(pair.Key), $"{pair.Key} is excluded from the chart but is no longer an option.");
            Assert.False(set.Contains(ServiceOptions.ToEnvironmentName(pair.Key)), $"{pair.Key} is excluded from the chart but the chart sets it.");
            Assert.False(string.IsNullOrWhiteSpace(pair.Value));
        });
    }

    [Fact]
    public void EveryFeedbackVariableTheChartSetsBindsToAnOptionOfTheService()
    {
        var bound = ServiceOptions.Keys();

        var unbound = ChartSettings.Variables()
            .Where(name => name.StartsWith("Feedback__", StringComparison.Ordinal) && !bound.Contains(ServiceOptions.FromEnvironmentName(name)))
            .Order().ToList();

        Assert.True(unbound.Count == 0, "The chart sets variables no options class binds: " + string.Join(", ", unbound));
    }

    [Fact]
    public void EverySettingInTheReadmeConfigurationTableCanBeSetThroughTheChart()
    {
        var set = ChartSettings.Variables();

        var unreachable = ReadmeConfiguration.Variables()
            .Where(name => !set.Contains(name) && !NotInTheChart.ContainsKey(ServiceOptions.FromEnvironmentName(name)))
            .Order().ToList();

        Assert.True(unreachable.Count == 0, "README settings the chart cannot set: " + string.Join(", ", unreachable));
    }

    [Fact]
    public void EverySettingTheChartTakesFromValuesIsInTheReadmeConfigurationTable()
    {
        var documented = ReadmeConfiguration.Variables();

        var undocumented = ChartSettings.All()
            .Where(setting => setting.ValuesPath is not null && !documented.Contains(setting.Variable))
            .Select(setting => setting.Variable).Distinct().Order().ToList();

        Assert.True(undocumented.Count == 0, "The chart sets variables the README's configuration table does not document: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void EveryFeedbackKeyInTheReadmeConfigurationTableIsAnOptionOfTheService()
    {
        var bound = ServiceOptions.Keys();

        var unknown = ReadmeConfiguration.Variables()
            .Select(ServiceOptions.FromEnvironmentName)
            .Where(key => key.StartsWith("Feedback:", StringComparison.Ordinal) && !bound.Contains(key))
            .Order().ToList();

        Assert.True(unknown.Count == 0, "The README documents keys no options class binds: " + string.Join(", ", unknown));
    }

    [Fact]
    public void EverySettingComesFromOneValueOrIsAJustifiedFixedOne()
    {
        var settings = ChartSettings.All();

        Assert.All(settings, setting => Assert.True(
            setting.ValuesPath is not null || FixedByTheChart.ContainsKey(setting.Variable),
            $"{setting.Template} fixes {setting.Variable} instead of reading it from values.yaml."));
        var twice = settings.GroupBy(s => s.Variable).Where(g => g.Select(s => s.ValuesPath).Distinct().Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "Variables set from more than one value: " + string.Join(", ", twice));
    }

    [Fact]
    public void EveryVariableInTheConfigMapAndSecretIsWrittenThroughTheSettingHelper()
    {
        // Another way of writing one would hide it from these tests: the helper is what they read.
        Assert.All(ChartSettings.Templates, template =>
        {
            var lines = File.ReadLines(Path.Combine(Repo.TemplatesDir, template))
                .Where(line => line.Contains("Feedback__", StringComparison.Ordinal) || line.Contains("OTEL_", StringComparison.Ordinal) || line.Contains("ASPNETCORE_", StringComparison.Ordinal))
                .Where(line => !line.TrimStart().StartsWith('#'));
            Assert.All(lines, line => Assert.True(
                line.Contains("include \"feedback.setting\"", StringComparison.Ordinal) || FixedByTheChart.Keys.Any(name => line.TrimStart().StartsWith(name + ": \"", StringComparison.Ordinal)),
                $"{template}: {line.Trim()}"));
        });
    }

    [Fact]
    public void SettingsReachThePodOnlyThroughTheConfigMapAndTheSecret()
    {
        var deployment = Repo.Read("charts", "feedback", "templates", "deployment.yaml");

        // envFrom both, and no env: of its own, so the checksum annotations roll the pods on every change.
        Assert.Contains("- configMapRef:", deployment, StringComparison.Ordinal);
        Assert.Contains("- secretRef:", deployment, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^\s*env:", deployment);
    }

    [Fact]
    public void CredentialsGoIntoTheSecretAndNotTheConfigMap()
    {
        var settings = ChartSettings.All();

        Assert.All(SecretKeys, key =>
        {
            Assert.Contains(settings, setting => setting.Variable == key && setting.Template == "secret.yaml");
            Assert.DoesNotContain(settings, setting => setting.Variable == key && setting.Template == "configmap.yaml");
            Assert.StartsWith("secrets.", settings.First(setting => setting.Variable == key).ValuesPath, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void EveryValueThatSetsASettingNamesItInItsComment()
    {
        var comments = ValuesComments.Read();

        var unnamed = ChartSettings.All()
            .Where(setting => setting.ValuesPath is not null)
            .Where(setting =>
            {
                var name = setting.Variable.StartsWith("Feedback__", StringComparison.Ordinal) ? ServiceOptions.FromEnvironmentName(setting.Variable) : setting.Variable;
                return !comments.TryGetValue(setting.ValuesPath!, out var comment) || !comment.Contains(name, StringComparison.Ordinal);
            })
            .Select(setting => $"{setting.ValuesPath} ({setting.Variable})").ToList();

        Assert.True(unnamed.Count == 0, "values.yaml comments that do not name the setting their key sets: " + string.Join(", ", unnamed));
    }
}
