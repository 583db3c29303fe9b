using System.Text.Json;
using Feedback.Core.Delivery;
using Feedback.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Feedback.Email.Tests.TestEmails;

namespace Feedback.Email.Tests;

public sealed class SendGridRequestTests : IAsyncLifetime
{
    private FakeSendGridServer _sendGrid = null!;

    public async ValueTask InitializeAsync() => _sendGrid = await FakeSendGridServer.StartAsync();

    public async ValueTask DisposeAsync() => await _sendGrid.DisposeAsync();

    private async Task<JsonElement> SendAndCaptureAsync(EmailBatch batch, Dictionary<string, string?>? extra = null)
    {
        var settings = SendGridSettings(_sendGrid.BaseUrl);
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }
        await using var services = Services(settings);

        var outcome = await services.GetRequiredService<IEmailSender>().SendAsync(batch);

        Assert.Equal(SendOutcome.Accepted, outcome);
        return Assert.Single(_sendGrid.Requests).Json;
    }

    [Fact]
    public async Task BatchOfThreeIsOneRequestWithAPersonalizationPerRecipient()
    {
        var batch = Batch(3);

        var json = await SendAndCaptureAsync(batch);

        var personalizations = json.GetProperty("personalizations").EnumerateArray().ToList();
        Assert.Equal(3, personalizations.Count);
        for (var i = 0; i < 3; i++)
        {
            var (sent, recipient) = (personalizations[i], batch.Recipients[i]);
            var to = Assert.Single(sent.GetProperty("to").EnumerateArray());
            Assert.Equal(recipient.Email, to.GetProperty("email").GetString());
            Assert.Equal(recipient.Name, to.GetProperty("name").GetString());
            Assert.Equal($"How did we do, Customer {i + 1}?", sent.GetProperty("subject").GetString());
            Assert.Equal(recipient.Substitutions, sent.GetProperty("substitutions").Deserialize<Dictionary<string, string>>());
            Assert.Equal($"srv_{i + 1}", sent.GetProperty("custom_args").GetProperty("survey_id").GetString());
            var headers = sent.GetProperty("headers");
            Assert.Equal($"<{PublicBaseUrl}/u/{recipient.Substitutions[SubstitutionTags.Token]}>", headers.GetProperty("List-Unsubscribe").GetString());
            Assert.Equal("List-Unsubscribe=One-Click", headers.GetProperty("List-Unsubscribe-Post").GetString());
        }
    }

    [Fact]
    public async Task RequestCarriesTheApiKeyTheSenderAndBothBodies()
    {
        var batch = Batch(1);

        var json = await SendAndCaptureAsync(batch);

        var request = Assert.Single(_sendGrid.Requests);
        Assert.Equal(FakeSendGridServer.MailSendPath, request.Path);
        Assert.Equal($"Bearer {ApiKey}", request.Header("Authorization"));
        Assert.Equal("surveys@example.com", json.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("Feedback", json.GetProperty("from").GetProperty("name").GetString());
        var content = json.GetProperty("content").EnumerateArray().ToList();
        Assert.Equal(["text/plain", "text/html"], content.Select(c => c.GetProperty("type").GetString()));
        Assert.Equal([batch.Text, batch.Html], content.Select(c => c.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task ConfiguredSenderIsUsed()
    {
        var json = await SendAndCaptureAsync(Batch(1), new()
        {
            ["Feedback:Email:From"] = "nps@shop.example",
            ["Feedback:Email:FromName"] = "Shop",
        });

        Assert.Equal("nps@shop.example", json.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("Shop", json.GetProperty("from").GetProperty("name").GetString());
    }

    [Fact]
    public async Task NamesThatSendGridRefusesAreCleanedNotSentAsIs()
    {
        var json = await SendAndCaptureAsync(Batch([Survey(1, "Smith, John;\r\nJr")]));

        var to = json.GetProperty("personalizations")[0].GetProperty("to")[0];
        Assert.Equal("Smith John Jr", to.GetProperty("name").GetString());
    }

    [Fact]
    public async Task EmptyBatchSendsNothing()
    {
        await using var services = Services(SendGridSettings(_sendGrid.BaseUrl));

        var outcome = await services.GetRequiredService<IEmailSender>().SendAsync(Batch(0));

        Assert.Equal(SendOutcome.Accepted, outcome);
        Assert.Empty(_sendGrid.Requests);
    }

    [Fact]
    public async Task MoreThan1000RecipientsIsTheCallersMistake()
    {
        await using var services = Services(SendGridSettings(_sendGrid.BaseUrl));

        await Assert.ThrowsAsync<ArgumentException>(() => services.GetRequiredService<IEmailSender>().SendAsync(Batch(1001)));
        Assert.Empty(_sendGrid.Requests);
    }
}
