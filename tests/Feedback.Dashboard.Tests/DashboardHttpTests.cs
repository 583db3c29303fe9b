using System.Net;

namespace Feedback.Dashboard.Tests;

public sealed class DashboardHttpTests(DashboardFixture fixture)
{
    [Fact]
    public async Task PageSendsAStrictContentSecurityPolicy()
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.Server.BaseUrl) };

        using var response = await client.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dashboard/chart.umd.min.js", "text/javascript")]
    [InlineData("/dashboard/dashboard.js", "text/javascript")]
    [InlineData("/dashboard/dashboard.css", "text/css")]
    public async Task AssetsAreServedFromTheBuild(string path, string mediaType)
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.Server.BaseUrl) };

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 500);
    }

    [Fact]
    public async Task UnknownAssetIs404()
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.Server.BaseUrl) };

        using var response = await client.GetAsync("/dashboard/nothing.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
