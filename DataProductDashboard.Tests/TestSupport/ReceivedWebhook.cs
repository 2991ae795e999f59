using System.Text.Json;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>A request the <see cref="WebhookReceiver"/> got.</summary>
public sealed record ReceivedWebhook(string Path, string Body, string? ContentType, string UserAgent, string Event)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
