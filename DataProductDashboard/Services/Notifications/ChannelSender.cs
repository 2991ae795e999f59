using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Notifications;

/// <summary>Sends a notification through one channel with the sender of its kind and writes the delivery log row
/// (status, attempts, duration and a short error; never what the receiver answered).</summary>
public sealed class ChannelSender(
    WebhookSender webhook,
    EmailSender email,
    IDbContextFactory<DashboardDbContext> dbFactory,
    TimeProvider clock,
    Operations.DashboardMetrics metrics,
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
                ChannelKind.Webhook => await webhook.SendAsync(channel.Target, await SecretAsync(channel, ct), notification, ct, maxAttempts),
                ChannelKind.Email => await email.SendAsync(channel.Target, notification, ct),
                _ => new DeliveryResult(false, 0, null, $"{channel.Kind} channels are not sent to.", 0),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Channel {ChannelId} ({Kind}) failed unexpectedly", channel.Id, channel.Kind);
            result = new DeliveryResult(false, 1, null, DeliveryResult.Truncate($"Unexpected error: {ex.Message}"), clock.GetElapsedTime(started).TotalMilliseconds);
        }
        metrics.Delivery(channel.Kind, result.Succeeded);
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

    /// <summary>The channel's signing secret. A webhook channel saved before deliveries were signed gets one now,
    /// stored only if it still has none (two alerts at once agree on the one stored first); its owner sees it by
    /// rotating the secret.</summary>
    private async Task<string> SecretAsync(NotificationChannel channel, CancellationToken ct)
    {
        if (channel.Secret is { } secret)
            return secret;
        var generated = WebhookSigner.NewSecret();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.NotificationChannels.Where(c => c.Id == channel.Id && c.Secret == null).ExecuteUpdateAsync(u => u.SetProperty(c => c.Secret, generated), ct);
        channel.Secret = await db.NotificationChannels.Where(c => c.Id == channel.Id).Select(c => c.Secret).FirstOrDefaultAsync(ct) ?? generated;
        logger.LogInformation("Channel {ChannelId} had no signing secret; one was generated (rotate it to see it)", channel.Id);
        return channel.Secret;
    }
}
