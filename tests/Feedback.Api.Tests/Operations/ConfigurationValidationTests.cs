using System.Net;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests.Operations;

/// <summary>
/// Good values start the service in memory. Bad ones are checked on the real process (<see cref="StartupFailureTests"/>):
/// start-up validates the options before the host starts and prints one line per bad value, so in memory the factory
/// only sees an entry point that returned.
/// </summary>
public sealed class ConfigurationValidationTests
{
    [Theory]
    [InlineData("Feedback:Storage:Provider", "sqlite")]
    [InlineData("Feedback:PublicBaseUrl", "https://feedback.example.com")]
    [InlineData("Feedback:PublicBaseUrl", "http://localhost:5080/base")]
    [InlineData("Feedback:MaxRequestBodyBytes", "1024")]
    [InlineData("Feedback:MaxRequestBodyBytes", "67108864")]
    [InlineData("Feedback:RateLimits:PagePermits", "1")]
    [InlineData("Feedback:RateLimits:AuthFailureWindow", "00:00:30")]
    public async Task GoodValueStarts(string key, string value)
    {
        await using var factory = new FeedbackApiFactory();
        factory.Settings[key] = value;

        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }
}
