using Feedback.Core.Delivery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid;

namespace Feedback.Email.SendGrid;

/// <summary>
/// Sends a batch as one SendGrid v3 mail/send request. There are no retries here, nor in the HTTP client: a transient
/// failure comes back as <see cref="SendResult.RetryLater"/> and the dispatcher puts the surveys back in the outbox
/// with a retry time, so there is one retry mechanism, durable across restarts and visible in the surveys' attempts.
/// </summary>
public sealed class SendGridEmailSender(
    IHttpClientFactory httpClients,
    IOptions<SendGridOptions> sendGrid,
    IOptions<EmailOptions> email,
    TimeProvider time,
    ILogger<SendGridEmailSender> logger) : IEmailSender
{
    public const string HttpClientName = "sendgrid";
    public const int MaxRecipients = 1000;

    public int MaxRecipientsPerRequest => MaxRecipients;

    public async Task<SendOutcome> SendAsync(EmailBatch batch, CancellationToken ct = default)
    {
        if (batch.Recipients.Count > MaxRecipients)
        {
            throw new ArgumentException(
                $"A batch holds at most {MaxRecipients} recipients (SendGrid's personalization limit); got {batch.Recipients.Count}.",
                nameof(batch));
        }
        if (batch.Recipients.Count == 0)
        {
            return SendOutcome.Accepted;
        }

        // Built per call on a factory client: the factory pools handlers, and the client holds no state of its own.
        var http = httpClients.CreateClient(HttpClientName);
        var client = new SendGridClient(http, new SendGridClientOptions
        {
            ApiKey = sendGrid.Value.ApiKey,
            Host = sendGrid.Value.EffectiveBaseUrl,
        });
        var message = SendGridMessages.Create(batch, email.Value);
        try
        {
            var response = await client.SendEmailAsync(message, ct);
            using var body = response.Body;
            var outcome = await SendGridOutcomes.FromResponseAsync(response, time, ct);
            if (outcome.Result != SendResult.Accepted)
            {
                logger.LogWarning("SendGrid did not take {Count} e-mails of template {TemplateId} ({Locale}): {Result} {Reason}",
                    batch.Recipients.Count, batch.TemplateId, batch.Locale, outcome.Result, outcome.Reason);
            }
            return outcome;
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning(e, "SendGrid unreachable for {Count} e-mails of template {TemplateId}", batch.Recipients.Count, batch.TemplateId);
            return new SendOutcome(SendResult.RetryLater, SendGridOutcomes.Truncate($"SendGrid unreachable: {e.Message}"));
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            // HttpClient's own timeout; the caller's cancellation (shutdown) propagates instead.
            logger.LogWarning(e, "SendGrid timed out for {Count} e-mails of template {TemplateId}", batch.Recipients.Count, batch.TemplateId);
            return new SendOutcome(SendResult.RetryLater, $"SendGrid did not answer within {http.Timeout.TotalSeconds:0.###} s");
        }
    }
}
