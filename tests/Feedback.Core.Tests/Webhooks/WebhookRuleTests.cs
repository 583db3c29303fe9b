using System.Net;
using System.Text.Json.Nodes;
using Feedback.Core.Webhooks;

namespace Feedback.Core.Tests.Webhooks;

public sealed class WebhookRuleTests
{
    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("100.128.0.1", true)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946", true)]
    public void OnlyPublicAddressesArePublic(string address, bool expected) =>
        Assert.Equal(expected, NetworkGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData(null, null, 3, true)]
    [InlineData(null, 6, 6, true)]
    [InlineData(null, 6, 7, false)]
    [InlineData(9, null, 8, false)]
    [InlineData(9, 10, 10, true)]
    public void ScoreRangeIsInclusive(int? min, int? max, int score, bool wanted)
    {
        var subscription = new WebhookSubscription
        {
            Id = "whk_1", Url = "https://hooks.example.com", Events = [WebhookEvents.ResponseCreated], MinScore = min, MaxScore = max,
            Secret = "s", CreatedAt = DateTimeOffset.UnixEpoch,
        };

        Assert.Equal(wanted, subscription.Wants(WebhookEvents.ResponseCreated, score));
        Assert.False(subscription.Wants(WebhookEvents.ResponseUpdated, score));
    }

    [Fact]
    public void SignatureIsHmacOfTimeDotBodyInHex() =>
        Assert.Equal(
            "t=1700000000,v1=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("whsec_k"u8, "1700000000.{\"a\":1}"u8)),
            WebhookSignature.Sign("whsec_k", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), "{\"a\":1}"));

    [Fact]
    public void RedactionClearsCommentNameAndAddressOnceAndKeepsTheRest()
    {
        const string payload = """{"id":"whd_1","type":"survey.failed","data":{"score":3,"comment":"hi","customer":{"id":"c-1","email":"a@b.sk","name":"Ján"}}}""";

        var redacted = WebhookPayloads.Redact(payload);

        var data = JsonNode.Parse(redacted)!["data"]!;
        Assert.Null(data["comment"]);
        Assert.Null(data["customer"]!["name"]);
        Assert.Equal("erased@invalid", (string?)data["customer"]!["email"]);
        Assert.Equal("c-1", (string?)data["customer"]!["id"]);
        Assert.Equal(3, (int?)data["score"]);
        Assert.Same(redacted, WebhookPayloads.Redact(redacted));
    }
}
