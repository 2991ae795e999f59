using System.Threading.Channels;
using DataProductDashboard.Configuration;
using DataProductDashboard.Data;
using DataProductDashboard.Services.Jobs;
using DataProductDashboard.Services.Notifications;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Services.Operations;

/// <summary>Live refresh across instances: a product change or a job change made here is sent to the other instances
/// on the database (<see cref="IInstanceChannel"/>), and theirs are delivered to this instance's pages, so a page open
/// on instance B refreshes after a batch stored through instance A. A store without a channel (SQLite: one instance)
/// needs nothing. Messages are "p|instance|product" and "j|instance|job"; an instance ignores its own.</summary>
public sealed class InstanceEventRelay(
    ProductEvents products,
    JobTracker jobs,
    InstanceIdentity instance,
    IOptions<DatabaseOptions> database,
    ILogger<InstanceEventRelay> logger) : BackgroundService
{
    public const string ChannelName = "dpd_events";
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(2);
    private readonly Channel<string> _outgoing = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (InstanceChannel.For(database.Value, ChannelName) is not { } channel)
            return;
        products.Published += OnProductPublished;
        jobs.Published += OnJobPublished;
        try
        {
            await Task.WhenAll(SendAsync(channel, stoppingToken), ListenAsync(channel, stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            products.Published -= OnProductPublished;
            jobs.Published -= OnJobPublished;
        }
    }

    private void OnProductPublished(int productId) => _outgoing.Writer.TryWrite(FormattableString.Invariant($"p|{instance.Id}|{productId}"));

    private void OnJobPublished(Guid jobId) => _outgoing.Writer.TryWrite($"j|{instance.Id}|{jobId:N}");

    private async Task SendAsync(IInstanceChannel channel, CancellationToken ct)
    {
        await foreach (var message in _outgoing.Reader.ReadAllAsync(ct))
        {
            try
            {
                await channel.SendAsync(message, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Live refresh is a courtesy: the other instances' pages show the change at their next load.
                logger.LogWarning(ex, "Telling the other instances of a change failed ({Message})", message);
            }
        }
    }

    private async Task ListenAsync(IInstanceChannel channel, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await channel.ListenAsync(Received, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Listening for other instances' changes failed; listening again in {Delay}", Reconnect);
                await Task.Delay(Reconnect, ct);
            }
        }
    }

    private void Received(string message)
    {
        var parts = message.Split('|');
        if (parts.Length != 3 || parts[1] == instance.Id)
            return;
        if (parts[0] == "p" && int.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var productId))
            products.Deliver(productId);
        else if (parts[0] == "j" && Guid.TryParseExact(parts[2], "N", out var jobId))
            _ = AnnounceAsync(jobId);
    }

    private async Task AnnounceAsync(Guid jobId)
    {
        try
        {
            await jobs.AnnounceStoredAsync(jobId, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Reading job {JobId}, changed by another instance, failed", jobId);
        }
    }
}
