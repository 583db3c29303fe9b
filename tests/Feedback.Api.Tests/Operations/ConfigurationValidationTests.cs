using System.Net;
using Feedback.Api.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Feedback.Api.Tests.Operations;

/// <summary>
/// Invalid configuration stops start-up naming the key (options are validated on start). In memory the entry point
/// reports the failure on stderr and returns, so the factory only sees a stopped host: the key is asserted on the
/// start failure the host logged (or threw). <see cref="StartupFailureTests"/> checks the real process's one-line message,
/// and the cases whose failure surfaces while hosted services are built (a host in that state cannot be stopped by the factory).
/// </summary>
public sealed class ConfigurationValidationTests
{
    [Theory]
    [InlineData("Feedback:Storage:Provider", "oracle")]
    [InlineData("Feedback:Storage:Provider", "SQLite ")]
    [InlineData("Feedback:PublicBaseUrl", "not-a-url")]
    [InlineData("Feedback:PublicBaseUrl", "/surveys")]
    [InlineData("Feedback:PublicBaseUrl", "ftp://feedback.example.com")]
    [InlineData("Feedback:MaxRequestBodyBytes", "12")]
    [InlineData("Feedback:MaxRequestBodyBytes", "1000000000000")]
    [InlineData("Feedback:MaxRequestBodyBytes", "4MB")]
    [InlineData("Feedback:RateLimits:PagePermits", "0")]
    [InlineData("Feedback:RateLimits:PageWindow", "00:00:00")]
    [InlineData("Feedback:RateLimits:AuthFailurePermits", "-5")]
    [InlineData("Feedback:RateLimits:AuthFailureWindow", "2.00:00:00")]
    [InlineData("Feedback:Dispatch:PollInterval", "00:00:00")]
    [InlineData("Feedback:Webhooks:PollInterval", "-00:00:05")]
    [InlineData("Feedback:Scheduling:Enabled", "sometimes")]
    public async Task BadValueStopsStartUpNamingTheKey(string key, string value)
    {
        await using var factory = new FeedbackApiFactory();
        factory.Settings[key] = value;

        var thrown = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(thrown);
        var logged = factory.Logs.Entries.Where(e => e.Level >= LogLevel.Error && e.Exception is not null).Select(e => e.Exception!);
        var messages = string.Join(" | ", logged.Append(thrown).SelectMany(Chain).Select(e => e.Message));
        Assert.Contains(key, messages);
    }

    [Theory]
    [InlineData("Feedback:Storage:Provider", "sqlite")]
    [InlineData("Feedback:PublicBaseUrl", "https://feedback.example.com")]
    [InlineData("Feedback:PublicBaseUrl", "http://localhost:5080/base")]
    [InlineData("Feedback:MaxRequestBodyBytes", "1024")]
    [InlineData("Feedback:MaxRequestBodyBytes", "67108864")]
    [InlineData("Feedback:RateLimits:PagePermits", "1")]
    [InlineData("Feedback:RateLimits:AuthFailureWindow", "00:00:30")]
    [InlineData("Feedback:Scheduling:Enabled", "false")]
    public async Task GoodValueStarts(string key, string value)
    {
        await using var factory = new FeedbackApiFactory();
        factory.Settings[key] = value;

        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    private static IEnumerable<Exception> Chain(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Chain).Prepend(aggregate),
        { InnerException: { } inner } => Chain(inner).Prepend(exception),
        _ => [exception],
    };
}
