using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using StandardWebhooks;

namespace DataProductDashboard.Services.Notifications;

/// <summary>Signs webhook deliveries the Standard Webhooks way (https://www.standardwebhooks.com): headers
/// webhook-id, webhook-timestamp (Unix seconds) and webhook-signature "v1,&lt;base64 HMAC-SHA256 of
/// "{id}.{timestamp}.{body}"&gt;" keyed with the channel's secret "whsec_&lt;base64 key&gt;".</summary>
public static class WebhookSigner
{
    public const string SecretPrefix = "whsec_";
    /// <summary>Random bytes in a new secret (the specification asks for 24 to 64).</summary>
    public const int SecretBytes = 32;
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>A new message id, kept by every attempt of one delivery so receivers can drop duplicates.</summary>
    public static string NewMessageId() => "msg_" + Guid.CreateVersion7().ToString("N");

    /// <summary>"v1,&lt;base64 signature&gt;" of the UTF-8 <paramref name="body"/>.</summary>
    public static string Sign(string secret, string messageId, DateTimeOffset timestamp, ReadOnlySpan<byte> body) =>
        new StandardWebhook(secret).Sign(messageId, timestamp, Encoding.UTF8.GetString(body));

    /// <summary>Adds the three Standard Webhooks headers for one attempt sent at <paramref name="timestamp"/>.</summary>
    public static void AddHeaders(HttpRequestHeaders headers, string secret, string messageId, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        headers.Add(IdHeader, messageId);
        headers.Add(TimestampHeader, timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        headers.Add(SignatureHeader, Sign(secret, messageId, timestamp, body));
    }
}
