using Feedback.Core.Delivery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feedback.Email.SendGrid;

/// <summary>The sender without a SendGrid key: every recipient's e-mail, personalised, goes to the <see cref="DevMailbox"/>.</summary>
public sealed class DevMailboxSender(DevMailbox mailbox, IOptions<EmailOptions> email, ILogger<DevMailboxSender> logger) : IEmailSender
{
    public int MaxRecipientsPerRequest => SendGridEmailSender.MaxRecipients;

    public Task<SendOutcome> SendAsync(EmailBatch batch, CancellationToken ct = default)
    {
        // The same limit as SendGrid, so a caller that forgets to chunk fails in development too.
        if (batch.Recipients.Count > SendGridEmailSender.MaxRecipients)
        {
            throw new ArgumentException(
                $"A batch holds at most {SendGridEmailSender.MaxRecipients} recipients; got {batch.Recipients.Count}.", nameof(batch));
        }
        foreach (var recipient in batch.Recipients)
        {
            // Substitutions apply to the subject too, as SendGrid does.
            mailbox.Add(new DevMailboxMessage(
                0, recipient.SurveyId, email.Value.Display, recipient.Email, recipient.Name, recipient.Personalize(recipient.Subject),
                recipient.Personalize(batch.Html), recipient.Personalize(batch.Text), recipient.Headers, default));
        }
        logger.LogInformation("Dev mailbox received {Count} e-mails of template {TemplateId} ({Locale})",
            batch.Recipients.Count, batch.TemplateId, batch.Locale);
        return Task.FromResult(SendOutcome.Accepted);
    }
}
