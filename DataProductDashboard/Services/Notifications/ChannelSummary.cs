using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Notifications;

/// <summary>A product's notification channel with its latest delivery (null: nothing sent yet).</summary>
public sealed record ChannelSummary(
    int Id, int ProductId, string Name, ChannelKind Kind, string Target, GateSeverity MinimumSeverity, bool Enabled, DateTime CreatedAt,
    DeliverySummary? LastDelivery)
{
    public ChannelRequest ToRequest() => new(Name, Kind, Target, MinimumSeverity, Enabled);
}
