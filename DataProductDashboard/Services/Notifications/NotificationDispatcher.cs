using System.Collections.Concurrent;
using DataProductDashboard.Configuration;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Services.Notifications;

/// <summary>Drains the <see cref="NotificationOutbox"/>: for each alert, sends to every enabled webhook and e-mail
/// channel of its product whose minimum severity the alert reaches, all channels at once, and logs one delivery per
/// channel. Several alerts are dispatched side by side, so a slow endpoint delays no other alert; imports only
/// enqueue and never wait for any of it. The loop logs failures and carries on.</summary>
public sealed class NotificationDispatcher(
    NotificationOutbox outbox,
    IDbContextFactory<DashboardDbContext> dbFactory,
    ChannelSender sender,
    ProductEvents events,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    /// <summary>Alerts dispatched at the same time.</summary>
    public const int MaxConcurrentAlerts = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(MaxConcurrentAlerts);
        var running = new ConcurrentDictionary<Task, bool>();
        try
        {
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

    private async Task RunOneAsync(int alertId, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await DeliverAsync(alertId, stoppingToken);
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
        var notification = AlertNotification.For(alert, productName, options.Value.PublicBaseUrl, clock.GetUtcNow().UtcDateTime);
        var sent = await Task.WhenAll(channels.Select(async c =>
        {
            var (delivery, result) = await sender.SendAsync(c, notification, ct);
            return new ChannelDeliveryOutcome(c.Id, c.Name, c.Kind, delivery.Id, result);
        }));
        events.Publish(alert.ProductId);
        return sent;
    }
}
