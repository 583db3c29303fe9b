using Feedback.Core.Delivery;
using Feedback.Email.SendGrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Feedback.Email.Tests.TestEmails;

namespace Feedback.Email.Tests;

public sealed class DevMailboxTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    private static DevMailboxMessage Message(string to, string subject = "Hi") =>
        new(0, "srv_1", "Feedback <surveys@example.com>", to, null, subject, "<p>Hi</p>", "Hi", new Dictionary<string, string>(), default);

    [Fact]
    public async Task StoresEachRecipientsPersonalisedMessage()
    {
        await using var services = Services([], _time);
        var surveys = Enumerable.Range(1, 3).Select(n => Survey(n)).ToList();

        var outcome = await services.GetRequiredService<IEmailSender>().SendAsync(Batch(surveys));

        Assert.Equal(SendOutcome.Accepted, outcome);
        var messages = services.GetRequiredService<DevMailbox>().List();
        Assert.Equal(["srv_3", "srv_2", "srv_1"], messages.Select(m => m.SurveyId));
        foreach (var (message, survey) in messages.Reverse().Zip(surveys))
        {
            Assert.Equal(survey.Customer.Email, message.To);
            Assert.Equal($"How did we do, {survey.Customer.Name}?", message.Subject);
            Assert.Equal("Feedback <surveys@example.com>", message.From);
            Assert.Equal(_time.GetUtcNow(), message.SentAt);
            Assert.Contains($"href=\"{PublicBaseUrl}/s/{survey.Token}?score=5\"", message.Html);
            Assert.Contains($"{PublicBaseUrl}/u/{survey.Token}", message.Text);
            Assert.Equal($"<{PublicBaseUrl}/u/{survey.Token}>", message.Headers["List-Unsubscribe"]);
            Assert.All(surveys.Where(s => s != survey), other => Assert.DoesNotContain(other.Token, message.Html + message.Text));
            Assert.DoesNotContain("%fb_", message.Html + message.Text + message.Subject);
        }
    }

    [Fact]
    public void KeepsTheLatest1000NewestFirst()
    {
        var mailbox = new DevMailbox(_time);

        for (var i = 1; i <= DevMailbox.Capacity + 5; i++)
        {
            mailbox.Add(Message($"c{i}@example.com"));
        }

        var messages = mailbox.List();
        Assert.Equal(DevMailbox.Capacity, messages.Count);
        Assert.Equal("c1005@example.com", messages[0].To);
        Assert.Equal("c6@example.com", messages[^1].To);
        Assert.Equal(1005, messages[0].Id);
        Assert.Equal(messages[0], mailbox.Find(1005));
        Assert.Null(mailbox.Find(5));
    }

    [Fact]
    public void EraseRemovesOnlyThatCustomersMessagesWhateverTheCase()
    {
        var mailbox = new DevMailbox(_time);
        mailbox.Add(Message("Jan@Example.sk", "first"));
        mailbox.Add(Message("eva@example.sk"));
        mailbox.Add(Message("jan@example.sk", "second"));

        var erased = mailbox.Erase("JAN@example.SK");

        Assert.Equal(2, erased);
        Assert.Equal(["eva@example.sk"], mailbox.List().Select(m => m.To));
    }

    [Fact]
    public async Task ConcurrentSendersLoseNoMessage()
    {
        var mailbox = new DevMailbox(_time);

        await Parallel.ForAsync(0, 400, (i, _) =>
        {
            mailbox.Add(Message($"c{i}@example.com"));
            return ValueTask.CompletedTask;
        });

        var messages = mailbox.List();
        Assert.Equal(400, messages.Select(m => m.Id).Distinct().Count());
        Assert.Equal(messages.Select(m => m.Id).OrderDescending(), messages.Select(m => m.Id));
    }

    [Fact]
    public async Task DevMailboxRefusesOversizedBatchesLikeSendGrid()
    {
        await using var services = Services([], _time);

        await Assert.ThrowsAsync<ArgumentException>(() => services.GetRequiredService<IEmailSender>().SendAsync(Batch(1001)));
        Assert.Empty(services.GetRequiredService<DevMailbox>().List());
    }
}
