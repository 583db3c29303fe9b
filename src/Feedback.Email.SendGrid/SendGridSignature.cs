using EllipticCurve;
using Microsoft.Extensions.Options;
using SendGrid.Helpers.EventWebhook;

namespace Feedback.Email.SendGrid;

/// <summary>
/// Verifies SendGrid's ECDSA signature over timestamp + payload of an Event Webhook batch, and refuses timestamps outside
/// a replay window. Without <see cref="SendGridOptions.WebhookPublicKey"/> nothing is checked.
/// </summary>
public sealed class SendGridSignature(IOptions<SendGridOptions> options, TimeProvider time)
{
    public static readonly string SignatureHeader = RequestValidator.SIGNATURE_HEADER;
    public static readonly string TimestampHeader = RequestValidator.TIMESTAMP_HEADER;
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(10);

    private readonly Lazy<PublicKey?> _key = new(() => string.IsNullOrWhiteSpace(options.Value.WebhookPublicKey)
        ? null
        : new RequestValidator().ConvertPublicKeyToECDSA(options.Value.WebhookPublicKey));

    /// <summary>True when no key is set, or when the batch carries a valid signature made within the replay window.</summary>
    public bool Accepts(string? signature, string? timestamp, string payload) =>
        string.IsNullOrWhiteSpace(options.Value.WebhookPublicKey) || IsValid(signature, timestamp, payload);

    public bool IsValid(string? signature, string? timestamp, string payload)
    {
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
