using EllipticCurve;
using Feedback.Email.SendGrid;
using Microsoft.Extensions.Options;
using SendGrid.Helpers.EventWebhook;

namespace Feedback.Api.Webhooks;

/// <summary>Verifies SendGrid's ECDSA signature over timestamp + payload, and refuses timestamps outside a replay window.</summary>
public sealed class SendGridSignature(IOptions<SendGridOptions> options, TimeProvider time)
{
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(10);

    private readonly Lazy<PublicKey?> _key = new(() => string.IsNullOrWhiteSpace(options.Value.WebhookPublicKey)
        ? null
        : new RequestValidator().ConvertPublicKeyToECDSA(options.Value.WebhookPublicKey));

    public bool IsValid(IHeaderDictionary headers, string payload)
    {
        string? signature = headers[RequestValidator.SIGNATURE_HEADER];
        string? timestamp = headers[RequestValidator.TIMESTAMP_HEADER];
        if (_key.Value is not { } key || string.IsNullOrEmpty(signature) || !long.TryParse(timestamp, out var unix))
        {
            return false;
        }
        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(unix, 0, 32503680000));
        if (age.Duration() > ReplayWindow)
        {
            return false;
        }
        try
        {
            return new RequestValidator().VerifySignature(key, payload, signature, timestamp);
        }
        catch (Exception)
        {
            // The ECDSA library throws assorted exception types for malformed signatures: all mean "not valid".
            return false;
        }
    }
}
