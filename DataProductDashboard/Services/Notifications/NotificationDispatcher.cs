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
    TimeProvider clock,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    /// <summary>Alerts dispatched at the same time.</summary>
    public const int MaxConcurrentAlerts = 4;
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _perAlert = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(MaxConcurrentAlerts);
        var running = new ConcurrentDictionary<Task, bool>();
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
    }

    /// <summary>Alerts with outbox messages not yet sent, oldest first.</summary>
    private async Task<List<int>> UnsentAlertsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unsent = await db.NotificationOutbox.AsNoTracking().Where(m => m.SentAt == null).OrderBy(m => m.Id).Select(m => m.AlertId).ToListAsync(ct);
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
