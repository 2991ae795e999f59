using System.Threading.Channels;

namespace DataProductDashboard.Services.Notifications;

/// <summary>Wakes the dispatcher for alerts whose notification was stored in the outbox table (saved with the alert
/// by <see cref="Alerts.AlertService.RaiseAsync"/>). The table is the truth: the dispatcher also sends, at start,
/// whatever a stopped process left unsent. Enqueuing never blocks the import that raised the alert.</summary>
public sealed class NotificationOutbox
{
    private readonly Channel<int> _alerts = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues a newly raised (or escalated) alert for delivery.</summary>
    public void Enqueue(int alertId) => _alerts.Writer.TryWrite(alertId);

    public ChannelReader<int> Reader => _alerts.Reader;
}
