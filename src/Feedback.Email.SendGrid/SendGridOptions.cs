using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;

namespace Feedback.Email.SendGrid;

/// <summary>SendGrid settings; without an <see cref="ApiKey"/> mail goes to the dev mailbox.</summary>
public sealed class SendGridOptions : IValidatableObject
{
    public const string SectionName = "Feedback:SendGrid";
    public const string DefaultBaseUrl = "https://api.sendgrid.com";

    /// <summary>API key with the Mail Send permission (from the environment, never committed).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Base URL of the API instead of SendGrid's (tests point it at a loopback fake).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Base64 ECDSA public key that signs the Event Webhook; signatures are not checked when empty.</summary>
    public string? WebhookPublicKey { get; set; }

    /// <summary>How long one mail/send request may take; a request cut off is retried later from the outbox.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);

    public string EffectiveBaseUrl => string.IsNullOrWhiteSpace(BaseUrl) ? DefaultBaseUrl : BaseUrl;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ApiKey is { Length: > 0 } key && key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            yield return new($"{SectionName}:ApiKey must not contain whitespace.", [nameof(ApiKey)]);
        }
        if (!string.IsNullOrWhiteSpace(BaseUrl)
            && !(Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            yield return new($"{SectionName}:BaseUrl must be an absolute http(s) URL.", [nameof(BaseUrl)]);
        }
        if (Timeout <= TimeSpan.Zero)
        {
            yield return new($"{SectionName}:Timeout must be a positive time span (e.g. 00:00:30).", [nameof(Timeout)]);
        }
        if (!string.IsNullOrWhiteSpace(WebhookPublicKey) && !IsP256PublicKey(WebhookPublicKey))
        {
            yield return new(
                $"{SectionName}:WebhookPublicKey must be the base64 P-256 public key shown in SendGrid's Event Webhook settings.",
                [nameof(WebhookPublicKey)]);
        }
    }

    // SendGrid signs with P-256, and the verifier (starkbank-ecdsa) throws on curves it does not know, so any other
    // curve must stop start-up here rather than turn every webhook call into a 500.
    private static bool IsP256PublicKey(string base64)
    {
        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(base64), out _);
            return ecdsa.ExportParameters(includePrivateParameters: false).Curve.Oid.Value == ECCurve.NamedCurves.nistP256.Oid.Value;
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return false;
        }
    }
}
