using System.Security.Cryptography;
using Feedback.Core.Delivery;
using Feedback.Email.SendGrid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static Feedback.Email.Tests.TestEmails;

namespace Feedback.Email.Tests;

public sealed class EmailRegistrationTests
{
    [Fact]
    public async Task WithoutAnApiKeyMailGoesToTheDevMailbox()
    {
        await using var services = Services(new() { ["Feedback:SendGrid:ApiKey"] = "" });

        Assert.IsType<DevMailboxSender>(services.GetRequiredService<IEmailSender>());
        Assert.IsType<SurveyEmailRenderer>(services.GetRequiredService<ISurveyEmailRenderer>());
    }

    [Fact]
    public async Task WithAnApiKeySendGridSends()
    {
        await using var services = Services(new() { ["Feedback:SendGrid:ApiKey"] = ApiKey });

        Assert.IsType<SendGridEmailSender>(services.GetRequiredService<IEmailSender>());
    }

    [Fact]
    public async Task SenderDefaultsToFeedbackAtSurveysExampleCom()
    {
        await using var services = Services([]);

        var email = services.GetRequiredService<IOptions<EmailOptions>>().Value;
        Assert.Equal(("surveys@example.com", "Feedback"), (email.From, email.FromName));
    }

    [Theory]
    [InlineData("Feedback:SendGrid:BaseUrl", "not a url")]
    [InlineData("Feedback:SendGrid:BaseUrl", "ftp://sendgrid.example")]
    [InlineData("Feedback:SendGrid:ApiKey", "SG.key with spaces")]
    [InlineData("Feedback:SendGrid:WebhookPublicKey", "bm90IGEga2V5")]
    [InlineData("Feedback:Email:From", "not-an-address")]
    [InlineData("Feedback:Email:FromName", "Two\nlines")]
    public async Task InvalidSettingStopsStartNamingTheKey(string key, string value)
    {
        using var host = Host(new() { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key, error.Message);
    }

    [Fact]
    public async Task SendGridsWebhookPublicKeyIsAccepted()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var host = Host(new()
        {
            ["Feedback:SendGrid:WebhookPublicKey"] = Convert.ToBase64String(ecdsa.ExportSubjectPublicKeyInfo()),
            ["Feedback:SendGrid:BaseUrl"] = "http://127.0.0.1:9",
        });

        await host.StartAsync();
        await host.StopAsync();
    }

    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<IPublicUrls>(new FixedUrls(PublicBaseUrl));
        builder.Services.AddEmail(builder.Configuration);
        return builder.Build();
    }
}
