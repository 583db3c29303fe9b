using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Feedback.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Api.Tests.Security;

/// <summary>Every route of the service × every kind of caller gets exactly the status of <see cref="AccessTable"/>.</summary>
public sealed partial class AccessTableTests(AccessTableTests.Callers callers) : IClassFixture<AccessTableTests.Callers>
{
    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();

    [Fact]
    public void EveryRouteHasARowAndEveryRowARoute()
    {
        var routes = callers.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();
        var rows = AccessTable.Rows.Select(r => r.Route).ToHashSet();

        Assert.True(routes.Except(rows).Order().ToList() is [], $"Routes without a row in AccessTable: {string.Join(", ", routes.Except(rows).Order())}");
        Assert.True(rows.Except(routes).Order().ToList() is [], $"Rows of AccessTable without a route: {string.Join(", ", rows.Except(routes).Order())}");
        Assert.Equal(rows.Count, AccessTable.Rows.Length);
    }

    [Theory]
    [MemberData(nameof(AccessTable.Cases), MemberType = typeof(AccessTable))]
    public async Task CallerGetsTheStatusOfTheAccessTable(string route, string caller, string expected)
    {
        var method = route.Split(' ')[0];
        // Parameters get a value that names nothing: the answer is then a 4xx of the route itself, never a change.
        var path = Parameter().Replace(route.Split(' ')[1], m => ValueFor(m.Value));
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        request.Headers.Authorization = callers.HeaderFor(caller);

        using var response = await callers.Client.SendAsync(request, TestContext.Current.CancellationToken);

        var status = (int)response.StatusCode;
        if (expected == "ok")
        {
            Assert.True(status is < 500 and not 401 and not 403, $"{route} as {caller}: {status}");
        }
        else
        {
            await ProblemAssert.IsProblemAsync(response, (HttpStatusCode)int.Parse(expected));
            Assert.Equal(expected == "401" ? ["Bearer"] : [], response.Headers.WwwAuthenticate.Select(h => h.ToString()));
        }
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    /// <summary>One service for the table: a key per scope and a revoked admin key; the auth-failure limit is out of the way.</summary>
    public sealed class Callers : IAsyncLifetime
    {
        private Dictionary<string, string> _keys = [];

        public FeedbackApiFactory Factory { get; } = new();

        public HttpClient Client { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Factory.Settings["Feedback:RateLimits:AuthFailurePermits"] = "100000";
            Factory.Settings["Feedback:Scheduling:Enabled"] = "false";
            Client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            _keys = await ScopedKeys.CreateAsync(Factory);
        }

        public ValueTask DisposeAsync() => Factory.DisposeAsync();

        public AuthenticationHeaderValue? HeaderFor(string caller) =>
            caller == "none" ? null : new AuthenticationHeaderValue("Bearer", _keys[caller]);
    }

    /// <summary>A value the route accepts: the first of a regex's alternatives (<c>{kind:regex(^(nps|csat|ces)$)}</c> → nps).</summary>
    private static string ValueFor(string parameter) => parameter switch
    {
        _ when parameter.Contains(":int") => "1",
        "{documentName}" => "v1",
        _ when parameter.IndexOf(":regex(^(", StringComparison.Ordinal) is var at and >= 0 => parameter[(at + 9)..].Split('|', ')')[0],
        _ => "nothing-here",
    };
}
