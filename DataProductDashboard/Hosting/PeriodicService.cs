namespace DataProductDashboard.Hosting;

/// <summary>A background loop that runs its work at start and then on every tick of the app's <see cref="TimeProvider"/>
/// (a fake clock in tests drives it); a failed run is logged and the next tick runs again.</summary>
public abstract class PeriodicService(TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>Time between runs (read once, at start).</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What the work is called in the log.</summary>
    protected abstract string Name { get; }

    protected abstract Task RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The {Work} failed; it runs again at the next tick", Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
