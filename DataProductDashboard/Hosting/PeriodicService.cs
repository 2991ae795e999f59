using DataProductDashboard.Services.Operations;

namespace DataProductDashboard.Hosting;

/// <summary>A background loop that runs its work at start and then on every tick of the app's <see cref="TimeProvider"/>
/// (a fake clock in tests drives it); a failed run is logged and the next tick runs again. With a
/// <see cref="SingletonWork"/>, each run happens on one instance only (the lease's holder; its lease lasts two ticks and
/// ten seconds, so a dead holder is replaced within that), and a stop gives the lease back.</summary>
public abstract class PeriodicService(TimeProvider clock, ILogger logger, SingletonWork? singleton = null) : BackgroundService
{
    /// <summary>Time between runs (read once, at start).</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What the work is called in the log, and the name of its lease.</summary>
    protected abstract string Name { get; }

    protected abstract Task RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        var lease = (Interval * 2) + TimeSpan.FromSeconds(10);
        try
        {
            do
            {
                try
                {
                    if (singleton is null || await singleton.TryHoldAsync(Name, lease, stoppingToken))
                        await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "The {Work} failed; it runs again at the next tick", Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        finally
        {
            if (singleton is not null)
                await singleton.ReleaseAsync(Name);
        }
    }
}
