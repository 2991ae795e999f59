using System.Globalization;
using DataProductDashboard.Services.Notifications;

namespace DataProductDashboard.Tests.Services.Notifications;

public sealed class WebhookSignerTests
{
    [Fact]
    public void Sign_SpecificationExample_MatchesThePublishedSignature()
    {
        // The example of the Standard Webhooks specification (spec/standard-webhooks.md, "Signature scheme").
        var body = "{\"test\": 2432232314}"u8.ToArray();
        var timestamp = DateTimeOffset.FromUnixTimeSeconds(1614265330);

        var signature = WebhookSigner.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp, body);

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void Sign_ByHand_IsBase64HmacSha256OfIdTimestampAndBody()
    {
        var secret = WebhookSigner.NewSecret();
        var body = "{\"title\":\"Ünïcode ✓\"}"u8.ToArray();
        var timestamp = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var key = Convert.FromBase64String(secret[WebhookSigner.SecretPrefix.Length..]);
        var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(key,
            (byte[])[.. "msg_1.1800000000."u8, .. body]));

        Assert.Equal("v1," + expected, WebhookSigner.Sign(secret, "msg_1", timestamp, body));
    }

    [Fact]
    public void NewSecret_Always_IsWhsecAndBase64OfThirtyTwoRandomBytes()
    {
        var a = WebhookSigner.NewSecret();
        var b = WebhookSigner.NewSecret();

        Assert.StartsWith("whsec_", a);
        Assert.Equal(WebhookSigner.SecretBytes, Convert.FromBase64String(a["whsec_".Length..]).Length);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void AddHeaders_Attempt_SetsIdUnixTimestampAndSignature()
    {
        using var request = new HttpRequestMessage();
        var at = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

        WebhookSigner.AddHeaders(request.Headers, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_1", at, "{}"u8);

        Assert.Equal("msg_1", Assert.Single(request.Headers.GetValues("webhook-id")));
        Assert.Equal(1_800_000_000.ToString(CultureInfo.InvariantCulture), Assert.Single(request.Headers.GetValues("webhook-timestamp")));
        Assert.StartsWith("v1,", Assert.Single(request.Headers.GetValues("webhook-signature")));
    }
}
