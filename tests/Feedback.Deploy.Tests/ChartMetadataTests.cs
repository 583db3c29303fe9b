using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Feedback.Deploy.Tests;

public sealed partial class ChartMetadataTests
{
    private static JsonObject Chart => YamlJson.LoadObject(Path.Combine(Repo.ChartDir, "Chart.yaml"));

    [Fact]
    public void ChartIsAV2ApplicationChartNamedLikeItsDirectory()
    {
        var chart = Chart;

        Assert.Equal("v2", (string?)chart["apiVersion"]);
        Assert.Equal("application", (string?)chart["type"]);
        Assert.Equal(Path.GetFileName(Repo.ChartDir), (string?)chart["name"]);
    }

    [Fact]
    public void ChartVersionIsSemVerAndAppVersionIsSet()
    {
        var chart = Chart;

        // Quoted or not, both must be strings: an unquoted 1.0 would be read as a number.
        Assert.Matches(SemVer(), chart["version"]?.GetValue<string>() ?? "");
        Assert.False(string.IsNullOrWhiteSpace(chart["appVersion"]?.GetValue<string>()), "appVersion is missing.");
    }

    [Fact]
    public void AppVersionIsTheProjectVersion()
    {
        var versions = XDocument.Load(Repo.Combine("Directory.Build.props")).Descendants("Version").Select(v => v.Value.Trim()).ToList();

        var version = Assert.Single(versions);
        Assert.Equal(version, (string?)Chart["appVersion"]);
        // The props value is the one the build stamps on the service.
        var built = ServiceOptions.Assemblies[0].GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        Assert.Equal(version, built.Split('+')[0]);
    }

    [Fact]
    public void ChartHasTheTemplatesOfTheHelmCreateLayout()
    {
        string[] expected =
        [
            "_helpers.tpl", "NOTES.txt", "configmap.yaml", "deployment.yaml", "hpa.yaml", "ingress.yaml",
            "pdb.yaml", "pvc.yaml", "secret.yaml", "service.yaml", "serviceaccount.yaml", "servicemonitor.yaml",
        ];

        var actual = Directory.GetFiles(Repo.TemplatesDir).Select(Path.GetFileName);

        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    // semver.org's grammar: MAJOR.MINOR.PATCH, optional -prerelease and +build.
    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$")]
    private static partial Regex SemVer();
}
