using System.Threading.Channels;

namespace DataProductDashboard.Services.Notifications;

/// <summary>Alerts waiting to be sent through a product's webhook and e-mail channels. Enqueuing never blocks the
/// import that raised the alert; a hosted dispatcher drains the queue.</summary>
public sealed class NotificationOutbox
{
    private readonly Channel<int> _alerts = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues a newly raised (or escalated) alert for delivery.</summary>
    public void Enqueue(int alertId) => _alerts.Writer.TryWrite(alertId);

    public ChannelReader<int> Reader => _alerts.Reader;
}
