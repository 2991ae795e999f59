using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Notifications;

/// <summary>One line of the delivery log: an alert (or a test message) sent through a channel.</summary>
public sealed record DeliverySummary(
    long Id, int ChannelId, string ChannelName, ChannelKind ChannelKind, int? AlertId, string? AlertTitle, bool IsTest, DateTime At,
    int Attempts, bool Succeeded, int? StatusCode, string? Error, double DurationMs);
