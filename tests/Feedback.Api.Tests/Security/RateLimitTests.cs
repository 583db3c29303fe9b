using System.Net;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests.Security;

/// <summary>Per client IP: floods of customer-page requests and of failed API-key checks get 429 with Retry-After.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly FeedbackApiFactory _factory = new();

    public ValueTask InitializeAsync()
    {
        _factory.Settings["Feedback:RateLimits:PagePermits"] = "5";
        _factory.Settings["Feedback:RateLimits:PageWindow"] = "01:00:00";
        _factory.Settings["Feedback:RateLimits:AuthFailurePermits"] = "3";
        _factory.Settings["Feedback:RateLimits:AuthFailureWindow"] = "00:10:00";
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task CustomerPagesOverTheLimitAre429PagesWithRetryAfterWhileTheApiStillAnswers()
    {
        using var browser = _factory.CreateAnonymousClient();
        using var admin = _factory.CreateClient(FeedbackApiFactory.AdminKey);

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            allowed.Add((await browser.GetAsync(i % 2 == 0 ? "/s/unknown" : "/u/unknown")).StatusCode);
        }
        var limited = await browser.GetAsync("/s/unknown");

        Assert.All(allowed, s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.Equal("text/html", limited.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Too many requests", await limited.Content.ReadAsStringAsync());
        Assert.StartsWith("default-src 'none'", string.Join(" ", limited.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(limited.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await browser.PostAsync("/u/unknown", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/v1/templates")).StatusCode);
    }

    [Fact]
    public async Task RepeatedWrongKeysAre429ProblemDetailsWithRetryAfterUntilTheWindowEnds()
    {
        using var guesser = _factory.CreateClient("fbk_wrong");
        using var anonymous = _factory.CreateAnonymousClient();

        var failures = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            failures.Add((await (i == 1 ? anonymous : guesser).GetAsync("/v1/surveys")).StatusCode);
        }
        var limited = await guesser.GetAsync("/v1/templates");

        Assert.All(failures, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        var problem = await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.Contains("API key", (string?)problem["detail"]);
        Assert.Equal(TimeSpan.FromMinutes(10), limited.Headers.RetryAfter!.Delta);
        Assert.Equal("nosniff", Assert.Single(limited.Headers.GetValues("X-Content-Type-Options")));
        // The pages and probes need no key and stay open.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/s/unknown")).StatusCode);
    }

    [Fact]
    public async Task SuccessfulAndForbiddenCallsDoNotCountAsAuthFailures()
    {
        using var admin = _factory.CreateClient(FeedbackApiFactory.AdminKey);
        using var read = await _factory.CreateClientAsync(Feedback.Core.Auth.ApiScope.Read);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add((await admin.GetAsync("/v1/templates/nothing")).StatusCode);
            statuses.Add((await read.DeleteAsync("/v1/templates/nothing")).StatusCode);
        }

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.NotFound));
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.Forbidden));
    }
}
