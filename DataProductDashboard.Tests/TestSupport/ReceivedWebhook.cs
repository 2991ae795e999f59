using System.Text.Json;
using DataProductDashboard.Services.Notifications;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>A request the <see cref="WebhookReceiver"/> got, with its Standard Webhooks headers.</summary>
public sealed record ReceivedWebhook(string Path, string Body, string? ContentType, string UserAgent, string Event,
    string WebhookId, string WebhookTimestamp, string WebhookSignature)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>Verifies the signature the way a receiver would, with the StandardWebhooks library (which also checks
    /// that the timestamp is within five minutes); throws WebhookVerificationException when it does not match.</summary>
    public void Verify(string secret) => new StandardWebhook(secret).Verify(Body, new HeaderDictionary
    {
        [WebhookSigner.IdHeader] = WebhookId,
        [WebhookSigner.TimestampHeader] = WebhookTimestamp,
        [WebhookSigner.SignatureHeader] = WebhookSignature,
    });
}
