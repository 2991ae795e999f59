using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Notifications;

/// <summary>Sends a notification through one channel with the sender of its kind and writes the delivery log row.</summary>
public sealed class ChannelSender(
    WebhookSender webhook,
    EmailSender email,
    IDbContextFactory<DashboardDbContext> dbFactory,
    TimeProvider clock,
    ILogger<ChannelSender> logger)
{
    /// <param name="maxAttempts">Overrides the configured webhook attempts (a test send makes one).</param>
    public async Task<(NotificationDelivery Delivery, DeliveryResult Result)> SendAsync(
        NotificationChannel channel, AlertNotification notification, CancellationToken ct, int? maxAttempts = null)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        var started = clock.GetTimestamp();
        DeliveryResult result;
        try
        {
            result = channel.Kind switch
            {
                ChannelKind.Webhook => await webhook.SendAsync(channel.Target, notification, ct, maxAttempts),
                ChannelKind.Email => await email.SendAsync(channel.Target, notification, ct),
                _ => new DeliveryResult(false, 0, null, $"{channel.Kind} channels are not sent to.", 0),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Channel {ChannelId} ({Kind}) failed unexpectedly", channel.Id, channel.Kind);
            result = new DeliveryResult(false, 1, null, DeliveryResult.Truncate($"Unexpected error: {ex.Message}"), clock.GetElapsedTime(started).TotalMilliseconds);
        }
        var delivery = new NotificationDelivery
        {
            ChannelId = channel.Id, ProductId = channel.ProductId, AlertId = notification.AlertId, IsTest = notification.IsTest, At = at,
            Attempts = result.Attempts, Succeeded = result.Succeeded, StatusCode = result.StatusCode, Error = result.Error, DurationMs = result.DurationMs,
        };
        // The message went out (or failed): log it even when the app is stopping meanwhile.
        await using (var db = await dbFactory.CreateDbContextAsync(CancellationToken.None))
        {
            db.NotificationDeliveries.Add(delivery);
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateException ex)
            {
                // The channel (or the alert) was deleted while the message was on its way.
                logger.LogWarning(ex, "The delivery through channel {ChannelId} could not be logged", channel.Id);
            }
        }
        logger.LogInformation("{What} through channel {ChannelId} ({Kind}): {Outcome} after {Attempts} attempt(s) in {DurationMs:0} ms",
            notification.IsTest ? "Test" : $"Alert {notification.AlertId}", channel.Id, channel.Kind,
            result.Succeeded ? "delivered" : "failed", result.Attempts, result.DurationMs);
        return (delivery, result);
    }
}
