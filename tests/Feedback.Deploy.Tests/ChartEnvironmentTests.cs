using System.Text.RegularExpressions;

namespace Feedback.Deploy.Tests;

/// <summary>The environment the chart gives the pod is made of the service's real configuration keys.</summary>
public sealed partial class ChartEnvironmentTests
{
    // Keys that are credentials: they belong in the Secret, never in the ConfigMap.
    private static readonly string[] SecretKeys =
    [
        "Feedback__Auth__AdminKey",
        "Feedback__SendGrid__ApiKey",
        "Feedback__Storage__MongoDb__ConnectionString",
    ];

    private static IReadOnlySet<string> ChartEnvironmentNames() =>
        FeedbackVariable().Matches(Repo.AllTemplates()).Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void EveryFeedbackVariableTheChartSetsIsADocumentedConfigurationKey()
    {
        var documented = DesignConfiguration.Keys();

        var unknown = ChartEnvironmentNames()
            .Where(name => !documented.Contains(DesignConfiguration.FromEnvironmentName(name)))
            .Order().ToList();

        Assert.True(unknown.Count == 0, "The chart sets variables that map to no configuration key: " + string.Join(", ", unknown));
    }

    [Fact]
    public void EveryFeedbackVariableTheChartSetsBindsToAPropertyOfTheServicesOptions()
    {
        var bound = ServiceOptions.Keys();

        var unbound = ChartEnvironmentNames()
            .Where(name => !bound.Contains(DesignConfiguration.FromEnvironmentName(name)))
            .Order().ToList();

        Assert.NotEmpty(bound);
        Assert.True(unbound.Count == 0, "The chart sets variables no options class binds: " + string.Join(", ", unbound));
    }

    [Fact]
    public void EveryDocumentedConfigurationKeyCanBeSetThroughTheChart()
    {
        var set = ChartEnvironmentNames();

        var unreachable = DesignConfiguration.Keys()
            .Select(DesignConfiguration.ToEnvironmentName)
            .Where(name => !set.Contains(name))
            .Order().ToList();

        Assert.True(unreachable.Count == 0, "Configuration keys the chart cannot set: " + string.Join(", ", unreachable));
    }

    [Fact]
    public void CredentialsGoIntoTheSecretAndNotTheConfigMap()
    {
        var configMap = Repo.Read("charts", "feedback", "templates", "configmap.yaml");
        var secret = Repo.Read("charts", "feedback", "templates", "secret.yaml");

        Assert.All(SecretKeys, key =>
        {
            Assert.DoesNotContain(key, configMap, StringComparison.Ordinal);
            Assert.Contains(key + ":", secret, StringComparison.Ordinal);
        });
    }

    // A ConfigMap/Secret data key (`Feedback__X: ...`) or an env entry (`- name: Feedback__X`); not comments.
    [GeneratedRegex(@"^\s*(?:-\s*name:\s*)?(Feedback__[A-Za-z0-9_]+)", RegexOptions.Multiline)]
    private static partial Regex FeedbackVariable();
}
