using System.Text.Json.Serialization;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Notifications;

/// <summary>A product's notification channel with its latest delivery (null: nothing sent yet). A webhook target is
/// shown with its credentials masked ("https://***@host/…").</summary>
/// <param name="Secret">The webhook signing secret, only in the answer that created it (create, rotate, or an update
/// that turned an e-mail channel into a webhook); null, and left out of the JSON, everywhere else.</param>
public sealed record ChannelSummary(
    int Id, int ProductId, string Name, ChannelKind Kind, string Target, GateSeverity MinimumSeverity, bool Enabled, DateTime CreatedAt,
    DeliverySummary? LastDelivery,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Secret = null)
{
    public ChannelRequest ToRequest() => new(Name, Kind, Target, MinimumSeverity, Enabled);
}
