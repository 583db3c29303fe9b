using System.Text.RegularExpressions;
using Feedback.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Api.Tests.Operations;

/// <summary>
/// <c>src/Feedback.Api/Feedback.Api.http</c> stays true to the service: every request names a route of the running app
/// (method and path, ids from earlier answers standing in for route values), and every variable it uses is defined.
/// </summary>
public sealed partial class HttpFileTests(SharedFeedbackApi api) : IClassFixture<SharedFeedbackApi>
{
    private const string HostVariable = "{{Feedback.Api_HostAddress}}";

    [GeneratedRegex(@"^(GET|POST|PUT|PATCH|DELETE) (\S+)")]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"^@([\w.]+)\s*=")]
    private static partial Regex VariableDefinition();

    [GeneratedRegex(@"^#\s*@name\s+(\w+)")]
    private static partial Regex RequestName();

    [GeneratedRegex(@"\{\{([^}]*)\}\}")]
    private static partial Regex VariableUse();

    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "src", "Feedback.Api", "Feedback.Api.http"));

    [Fact]
    public void EveryRequestNamesARouteThatExists()
    {
        var routes = api.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (Method: method, Route: new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary()))))
            .ToList();
        var requests = Lines.Select(l => RequestLine().Match(l)).Where(m => m.Success).Select(m => (Method: m.Groups[1].Value, Url: m.Groups[2].Value)).ToList();
        Assert.True(requests.Count >= 10, $"only {requests.Count} requests found");

        foreach (var (method, url) in requests)
        {
            Assert.True(url.StartsWith(HostVariable + "/", StringComparison.Ordinal), $"{method} {url} does not start with {HostVariable}/");
            // Any value stands in for a variable: the route decides whether the path has the right shape.
            var path = VariableUse().Replace(url[HostVariable.Length..].Split('?')[0], "x");
            Assert.True(routes.Any(r => r.Method == method && r.Route.TryMatch(path, new RouteValueDictionary())), $"{method} {url}: no such route");
        }
    }

    [Fact]
    public void EveryVariableUsedIsDefinedOrAnEarlierNamedRequest()
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in Lines)
        {
            if (VariableDefinition().Match(line) is { Success: true } variable)
            {
                defined.Add(variable.Groups[1].Value);
            }
            else if (RequestName().Match(line) is { Success: true } name)
            {
                defined.Add(name.Groups[1].Value);
            }
            else if (!line.StartsWith('#'))
            {
                foreach (var use in VariableUse().Matches(line).Select(m => m.Groups[1].Value))
                {
                    Assert.True(defined.Contains(use.Split(".response.")[0]), $"'{{{{{use}}}}}' in \"{line}\" is not defined above it");
                }
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Feedback.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Feedback.sln above {AppContext.BaseDirectory}.");
    }
}
