using System.Net;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests.DevMailbox;

/// <summary>Once a SendGrid key is set, mail goes to SendGrid and the dev mailbox page is gone.</summary>
public sealed class DevMailboxWithSendGridTests : ServiceFixture
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Feedback:SendGrid:ApiKey"] = "SG.test-key";

    [Theory]
    [InlineData("/dev/mailbox")]
    [InlineData("/dev/mailbox?id=1")]
    public async Task PageIs404(string url)
    {
        var response = await Factory.CreateAnonymousClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
