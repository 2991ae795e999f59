using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Notifications;

/// <summary>What happened on one channel when an alert was dispatched.</summary>
public sealed record ChannelDeliveryOutcome(int ChannelId, string ChannelName, ChannelKind Kind, long DeliveryId, DeliveryResult Result);
