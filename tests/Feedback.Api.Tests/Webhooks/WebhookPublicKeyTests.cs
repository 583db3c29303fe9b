using System.Security.Cryptography;
using Feedback.Email.SendGrid;
using Microsoft.Extensions.Options;

namespace Feedback.Api.Tests.Webhooks;

/// <summary>
/// The start-up check of <c>Feedback:SendGrid:WebhookPublicKey</c> (the same data-annotation validation the host runs on start):
/// a key the webhook verifier cannot load must stop start-up, not turn every webhook call into a 500 later.
/// </summary>
public sealed class WebhookPublicKeyTests
{
    private static ValidateOptionsResult Validate(string key) =>
        new DataAnnotationValidateOptions<SendGridOptions>(Options.DefaultName).Validate(Options.DefaultName, new SendGridOptions { WebhookPublicKey = key });

    private static string PublicKey(AsymmetricAlgorithm key)
    {
        using (key)
        {
            return Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
        }
    }

    public static TheoryData<string> UnusableKeys => new()
    {
        PublicKey(ECDsa.Create(ECCurve.NamedCurves.nistP384)),
        PublicKey(ECDsa.Create(ECCurve.NamedCurves.nistP521)),
        PublicKey(RSA.Create(2048)),
        "bm90IGEga2V5",
    };

    [Theory]
    [MemberData(nameof(UnusableKeys))]
    public void KeyThatIsNotAP256PublicKeyIsRefusedNamingTheSetting(string key)
    {
        var result = Validate(key);

        Assert.True(result.Failed);
        Assert.Contains("Feedback:SendGrid:WebhookPublicKey", result.FailureMessage);
    }

    [Fact]
    public void P256PublicKeyAsSendGridShowsItIsAccepted()
    {
        Assert.True(Validate(PublicKey(ECDsa.Create(ECCurve.NamedCurves.nistP256))).Succeeded);
    }
}
