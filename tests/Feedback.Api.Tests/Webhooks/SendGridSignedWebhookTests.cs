using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests.Webhooks;

/// <summary>
/// The Event Webhook with <c>Feedback:SendGrid:WebhookPublicKey</c> set. SendGrid signs <c>timestamp + payload</c> with
/// ECDSA P-256 over SHA-256 and sends the DER signature base64-encoded; its settings page shows the public key as
/// base64 SubjectPublicKeyInfo. The test plays SendGrid with a key pair of its own.
/// </summary>
public sealed class SendGridSignedWebhookTests : ServiceFixture
{
    private const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    private const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";
    private const string Payload = """[{"email":"jan@example.sk","event":"bounce","timestamp":1795000000,"sg_event_id":"e1"}]""";

    private readonly ECDsa _sendGrid = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    protected override void Configure(Dictionary<string, string?> settings) =>
        settings["Feedback:SendGrid:WebhookPublicKey"] = Convert.ToBase64String(_sendGrid.ExportSubjectPublicKeyInfo());

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _sendGrid.Dispose();
    }

    private string Now => Factory.Time.GetUtcNow().ToUnixTimeSeconds().ToString();

    private static string Sign(ECDsa key, string timestamp, string payload) => Convert.ToBase64String(
        key.SignData(Encoding.UTF8.GetBytes(timestamp + payload), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    private Task<HttpResponseMessage> PostAsync(string payload, string? signature, string? timestamp)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/sendgrid") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add(SignatureHeader, signature);
        }
        if (timestamp is not null)
        {
            request.Headers.Add(TimestampHeader, timestamp);
        }
        return Factory.CreateAnonymousClient().SendAsync(request);
    }

    private async Task<bool> IsSuppressedAsync(string email) =>
        (await Read.GetAsync($"/v1/suppressions/{Uri.EscapeDataString(email)}")).StatusCode == HttpStatusCode.OK;

    [Fact]
    public async Task CorrectlySignedBatchIsApplied()
    {
        var response = await PostAsync(Payload, Sign(_sendGrid, Now, Payload), Now);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await IsSuppressedAsync("jan@example.sk"));
    }

    [Theory]
    [InlineData(-9)]
    [InlineData(9)]
    public async Task SignedBatchWithinTenMinutesOfTheClockIsApplied(int minutes)
    {
        var timestamp = Factory.Time.GetUtcNow().AddMinutes(minutes).ToUnixTimeSeconds().ToString();

        var response = await PostAsync(Payload, Sign(_sendGrid, timestamp, Payload), timestamp);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await IsSuppressedAsync("jan@example.sk"));
    }

    public static TheoryData<string> Forgeries => new()
    {
        "another payload",
        "another timestamp",
        "another key",
        "r and s zero",
        "r and s equal to the curve order",
        "P1363 format",
        "garbage",
        "not base64",
        "empty",
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task BatchWithAWrongSignatureIs401AndNothingIsApplied(string forgery)
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        const string order = "00FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551";
        var signature = forgery switch
        {
            "another payload" => Sign(_sendGrid, Now, Payload.Replace("bounce", "delivered")),
            "another timestamp" => Sign(_sendGrid, (long.Parse(Now) - 1).ToString(), Payload),
            "another key" => Sign(other, Now, Payload),
            // An all-zero signature verifies against any key in ECDSA code that skips the range check (CVE-2022-21449).
            "r and s zero" => Convert.ToBase64String(Convert.FromHexString("3006020100020100")),
            "r and s equal to the curve order" => Convert.ToBase64String(Convert.FromHexString($"3046" + $"0221{order}" + $"0221{order}")),
            "P1363 format" => Convert.ToBase64String(_sendGrid.SignData(
                Encoding.UTF8.GetBytes(Now + Payload), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)),
            "garbage" => Convert.ToBase64String(RandomNumberGenerator.GetBytes(72)),
            "not base64" => "***",
            _ => "",
        };

        var response = await PostAsync(Payload, signature, Now);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.False(await IsSuppressedAsync("jan@example.sk"));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public async Task BatchWithoutTheSignatureHeadersIs401(bool withSignature, bool withTimestamp)
    {
        var response = await PostAsync(Payload, withSignature ? Sign(_sendGrid, Now, Payload) : null, withTimestamp ? Now : null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.False(await IsSuppressedAsync("jan@example.sk"));
    }

    [Theory]
    [InlineData(-11)]
    [InlineData(-60 * 24)]
    [InlineData(11)]
    public async Task CorrectlySignedBatchWithATimestampOverTenMinutesAwayIs401(int minutes)
    {
        var timestamp = Factory.Time.GetUtcNow().AddMinutes(minutes).ToUnixTimeSeconds().ToString();

        var response = await PostAsync(Payload, Sign(_sendGrid, timestamp, Payload), timestamp);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.False(await IsSuppressedAsync("jan@example.sk"));
    }

    [Fact]
    public async Task RecordedBatchReplayedLaterIs401()
    {
        var timestamp = Now;
        var signature = Sign(_sendGrid, timestamp, Payload);
        Factory.Time.Advance(TimeSpan.FromMinutes(11));

        var response = await PostAsync(Payload, signature, timestamp);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.False(await IsSuppressedAsync("jan@example.sk"));
    }

    [Fact]
    public async Task SignatureIsCheckedBeforeTheBodyIsParsed()
    {
        var response = await PostAsync("not json", "", Now);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CorrectlySignedBodyThatIsNotAnArrayIs400()
    {
        var response = await PostAsync("{}", Sign(_sendGrid, Now, "{}"), Now);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty((await Read.GetFromJsonAsync<JsonObject>("/v1/suppressions"))!["items"]!.AsArray());
    }
}
