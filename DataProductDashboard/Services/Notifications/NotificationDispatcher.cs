using System.Collections.Concurrent;
using DataProductDashboard.Configuration;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Services.Notifications;

/// <summary>Sends the stored notification outbox: at start, every message a stopped process left unsent; then, for each
/// alert the <see cref="NotificationOutbox"/> announces, its unsent messages. Each alert goes to every enabled webhook
/// and e-mail channel of its product whose minimum severity it reaches, all channels at once, one delivery logged per
/// channel, and its messages are marked sent, so a restart does not send them again. Several alerts are dispatched
/// side by side, so a slow endpoint delays no other alert; imports only enqueue and never wait for any of it. The
/// loop logs failures and carries on.</summary>
public sealed class NotificationDispatcher(
    NotificationOutbox outbox,
    IDbContextFactory<DashboardDbContext> dbFactory,
    ChannelSender sender,
    ProductEvents events,
    PublicBaseUrl publicBaseUrl,
    Operations.InstanceIdentity instance,
    TimeProvider clock,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    /// <summary>Alerts dispatched at the same time.</summary>
    public const int MaxConcurrentAlerts = 4;

    /// <summary>How long an instance's claim on an alert's messages keeps the others off them (every channel's attempts
    /// and back-off fit many times over).</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    /// <summary>How often the outbox is searched for messages nobody is sending (their raiser died before it sent them, or
    /// its claim ran out).</summary>
    public static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _perAlert = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(MaxConcurrentAlerts);
        var running = new ConcurrentDictionary<Task, bool>();
        var sweeping = SweepAsync(stoppingToken);
        try
        {
            foreach (var alertId in await UnsentAlertsAsync(stoppingToken))
                outbox.Enqueue(alertId);
            await foreach (var alertId in outbox.Reader.ReadAllAsync(stoppingToken))
            {
                await slots.WaitAsync(stoppingToken);
                var task = RunOneAsync(alertId, slots, stoppingToken);
                running[task] = true;
                _ = task.ContinueWith(t => running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(running.Keys);
        await sweeping;
    }

    /// <summary>Every <see cref="SweepEvery"/>, queues the alerts with unsent messages that no live instance is sending.</summary>
    private async Task SweepAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(SweepEvery, clock, ct);
                try
                {
                    foreach (var alertId in await UnsentAlertsAsync(ct))
                        outbox.Enqueue(alertId);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Looking for unsent notifications failed; the next sweep tries again");
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Alerts with outbox messages not yet sent and not claimed by a live sender, oldest first.</summary>
    private async Task<List<int>> UnsentAlertsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var unsent = await db.NotificationOutbox.AsNoTracking().Where(m => m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.Id).Select(m => m.AlertId).ToListAsync(ct);
        if (unsent.Count > 0)
            logger.LogInformation("Sending {Count} notifications left unsent when the app stopped", unsent.Count);
        return unsent.Distinct().ToList();
    }

    private async Task RunOneAsync(int alertId, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await DeliverUnsentAsync(alertId, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Stopping: alert {AlertId} was not notified", alertId);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Notifying alert {AlertId} failed", alertId);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Sends the alert when its outbox holds an unsent message (or none was ever stored, as for an alert queued
    /// directly), then marks its messages sent. An alert whose messages were all sent is not sent again.</summary>
    public async Task DeliverUnsentAsync(int alertId, CancellationToken ct)
    {
        // One delivery of an alert at a time: the same alert announced twice (at start and by its raiser) is sent once.
        var gate = _perAlert.GetOrAdd(alertId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            await DeliverUnsentLockedAsync(alertId, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task DeliverUnsentLockedAsync(int alertId, CancellationToken ct)
    {
        List<int> unsent;
        bool any;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var messages = await db.NotificationOutbox.AsNoTracking().Where(m => m.AlertId == alertId).Select(m => new { m.Id, m.SentAt }).ToListAsync(ct);
            any = messages.Count > 0;
            unsent = messages.Where(m => m.SentAt == null).Select(m => m.Id).ToList();
        }
        if (any && unsent.Count == 0)
            return;
        if (unsent.Count > 0)
        {
            // Claimed for this instance first: two instances that both see the alert unsent (one raised it, the other
            // swept it up) send it once. A claim that ran out belonged to a sender that died before marking it sent.
            var claimedAt = clock.GetUtcNow().UtcDateTime;
            var until = claimedAt + ClaimFor;
            await using var claim = await dbFactory.CreateDbContextAsync(ct);
            var claimed = await claim.NotificationOutbox
                .Where(m => unsent.Contains(m.Id) && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < claimedAt || m.ClaimedBy == instance.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, instance.Id).SetProperty(m => m.ClaimedUntil, until), ct);
            if (claimed == 0)
            {
                logger.LogDebug("Alert {AlertId} is being notified by another instance", alertId);
                return;
            }
            unsent = await claim.NotificationOutbox.AsNoTracking().Where(m => unsent.Contains(m.Id) && m.SentAt == null && m.ClaimedBy == instance.Id)
                .Select(m => m.Id).ToListAsync(ct);
        }
        await DeliverAsync(alertId, ct);
        if (unsent.Count == 0)
            return;
        await using var save = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var now = clock.GetUtcNow().UtcDateTime;
        await save.NotificationOutbox.Where(m => unsent.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentAt, now).SetProperty(m => m.Attempts, m => m.Attempts + 1), CancellationToken.None);
    }

    /// <summary>Sends alert <paramref name="alertId"/> to its product's channels and logs the deliveries; an unknown
    /// alert sends nothing.</summary>
    public async Task<IReadOnlyList<ChannelDeliveryOutcome>> DeliverAsync(int alertId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alert = await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == alertId, ct);
        if (alert is null)
        {
            logger.LogWarning("Alert {AlertId} to notify no longer exists", alertId);
            return [];
        }
        var productName = await db.Products.Where(p => p.Id == alert.ProductId).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? $"Product {alert.ProductId}";
        // Severities are stored as text, so "at or above the minimum" is spelled out: a Warning minimum takes every
        // alert, a Critical minimum only critical ones.
        var severity = alert.Severity;
        var channels = await db.NotificationChannels.AsNoTracking()
            .Where(c => c.ProductId == alert.ProductId && c.Enabled && c.Kind != ChannelKind.InApp
                        && (c.MinimumSeverity == GateSeverity.Warning || c.MinimumSeverity == severity))
            .OrderBy(c => c.Id).ToListAsync(ct);
        if (channels.Count == 0)
            return [];
        var batchNumber = await db.Batches.Where(b => b.Id == alert.BatchId).Select(b => (int?)b.Number).FirstOrDefaultAsync(ct);
        var notification = AlertNotification.For(alert, productName, publicBaseUrl.Value, clock.GetUtcNow().UtcDateTime, batchNumber);
        var sent = await Task.WhenAll(channels.Select(async c =>
        {
            var (delivery, result) = await sender.SendAsync(c, notification, ct);
            return new ChannelDeliveryOutcome(c.Id, c.Name, c.Kind, delivery.Id, result);
        }));
        events.Publish(alert.ProductId);
        return sent;
    }
}
