namespace DataProductDashboard.Services.Operations;

/// <summary>Beats this instance's presence every third of <see cref="SingletonWork.Presence"/> while it runs and
/// withdraws it on a clean stop, so other instances know a live one shares the data folder.</summary>
public sealed class InstancePresence(SingletonWork instances, TimeProvider clock, ILogger<InstancePresence> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await instances.AnnouncePresenceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Announcing this instance's presence failed; the next beat tries again");
                }
                await Task.Delay(SingletonWork.Presence / 3, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await instances.WithdrawPresenceAsync();
        }
    }
}
