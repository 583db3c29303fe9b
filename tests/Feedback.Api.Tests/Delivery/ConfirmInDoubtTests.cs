using System.Security.Cryptography;
using Feedback.Core.Delivery;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Api.Tests.Delivery;

/// <summary>
/// A process dies while its SendGrid request is in flight: the attempt it recorded keeps the surveys in doubt until
/// SendGrid's signed <c>processed</c> event confirms them (never resent) or the confirm window passes (resent).
/// </summary>
public sealed class ConfirmInDoubtTests : DeliveryFixture
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ConfirmWindow = TimeSpan.FromMinutes(15);

    private readonly ECDsa _sendGridKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public override async ValueTask InitializeAsync()
    {
        Factory.Settings["Feedback:SendGrid:WebhookPublicKey"] = Convert.ToBase64String(_sendGridKey.ExportSubjectPublicKeyInfo());
        Factory.Settings["Feedback:Dispatch:ConfirmWindow"] = ConfirmWindow.ToString();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _sendGridKey.Dispose();
    }

    [Fact]
    public async Task ConfirmedSurveyIsNeverResentAndUnconfirmedOneIsResentAfterTheWindow()
    {
        var templateId = await CreateTemplateAsync(t => t["delay"] = "PT0S");
        var reached = await PostEventAsync("e-1", "en", "amy@example.co.uk", subjectId: "ticket-1");
        var lost = await PostEventAsync("e-2", "en", "ben@example.co.uk", subjectId: "ticket-2");
        var attemptedAt = Factory.Time.GetUtcNow();
        // The crashed process: claimed both, recorded its attempt, and only the request with the first reached SendGrid.
        var claimed = await Outbox.ClaimDueAsync(attemptedAt, "crashed-process", Lease, 10);
        Assert.Equal(2, await Outbox.RecordAttemptAsync([reached, lost], "crashed-process", attemptedAt, attemptedAt + ConfirmWindow));
        await SendAsTheCrashedProcessDidAsync(templateId, claimed.Single(s => s.Id == reached));

        Factory.Time.Advance(Lease + TimeSpan.FromSeconds(1));
        await Dispatcher.DispatchDueAsync();
        Assert.Single(SendGrid.Requests);
        Assert.Equal(SurveyStatus.Sending, (await SurveyAsync(reached)).Status);

        SendGrid.Events.Target = new EventWebhookTarget(Factory.CreateAnonymousClient(), "/webhooks/sendgrid", _sendGridKey, Factory.Time);
        await SendGrid.Events.WaitUntilDeliveredAsync();
        var template = (await Factory.Services.GetRequiredService<ITemplateStore>().GetAsync(templateId))!;
        var (reminderAt, expiresAt) = template.TimesAfterSending(attemptedAt);
        var confirmed = await SurveyAsync(reached);
        Assert.Equal((SurveyStatus.Sent, attemptedAt, reminderAt, expiresAt, null), (confirmed.Status, confirmed.SentAt, confirmed.ReminderAt, confirmed.ExpiresAt, confirmed.SendAttemptedAt));
        Assert.Equal(SurveyStatus.Sending, (await SurveyAsync(lost)).Status);

        Factory.Time.Advance(ConfirmWindow);
        await Dispatcher.DispatchDueAsync();
        Factory.Time.Advance(ConfirmWindow + Lease);
        await Dispatcher.DispatchDueAsync();

        Assert.Equal([reached, lost], Personalizations().Select(p => p.Personalization.GetProperty("custom_args").GetProperty("survey_id").GetString()));
        Assert.Equal(SurveyStatus.Sent, (await SurveyAsync(lost)).Status);
        Assert.Equal(SurveyStatus.Sent, (await SurveyAsync(reached)).Status);
    }

    [Fact]
    public async Task EventForASurveyThatWasNotInDoubtChangesNothing()
    {
        var templateId = await CreateTemplateAsync(t => t["delay"] = "PT0S");
        var id = await PostEventAsync("e-1", "en", "amy@example.co.uk");
        var scheduled = await SurveyAsync(id);
        await SendAsTheCrashedProcessDidAsync(templateId, scheduled);

        SendGrid.Events.Target = new EventWebhookTarget(Factory.CreateAnonymousClient(), "/webhooks/sendgrid", _sendGridKey, Factory.Time);
        await SendGrid.Events.WaitUntilDeliveredAsync();

        Assert.Equal(1, SendGrid.Events.Delivered);
        var after = await SurveyAsync(id);
        Assert.Equal((SurveyStatus.Scheduled, null, 0), (after.Status, after.SentAt, after.Attempts));
        Assert.Equal(scheduled.SendAt, after.SendAt);
    }

    [Fact]
    public async Task DispatcherRecordsItsAttemptAndTheAnswerClearsIt()
    {
        await CreateTemplateAsync(t => t["delay"] = "PT0S");
        var id = await PostEventAsync("e-1", "en", "amy@example.co.uk");
        SendGrid.Enqueue(FakeSendGridResponse.Error(500, "internal error") with { Delay = TimeSpan.FromMilliseconds(300) });

        var dispatch = Dispatcher.DispatchDueAsync();
        await SendGrid.WaitForRequestsAsync(1);
        var inFlight = await SurveyAsync(id);
        await dispatch;

        Assert.Equal(Factory.Time.GetUtcNow(), inFlight.SendAttemptedAt);
        Assert.Equal(Factory.Time.GetUtcNow() + ConfirmWindow, inFlight.LeaseUntil);
        Assert.Null((await SurveyAsync(id)).SendAttemptedAt);
    }

    private async Task SendAsTheCrashedProcessDidAsync(string templateId, Survey survey)
    {
        var template = (await Factory.Services.GetRequiredService<ITemplateStore>().GetAsync(templateId))!;
        var email = Factory.Services.GetRequiredService<ISurveyEmailRenderer>().Render(template, template.ContentFor(survey.Customer.Locale).Locale, [survey]);
        var outcome = await Factory.Services.GetRequiredService<IEmailSender>().SendAsync(email, CancellationToken.None);
        Assert.Equal(SendResult.Accepted, outcome.Result);
    }
}
