using DataProductDashboard.Configuration;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Services.Alerts;

/// <summary>Runs the missing-batch check every <see cref="DashboardOptions.TimelinessCheckMinutes"/> on the app's
/// <see cref="TimeProvider"/> (a fake clock in tests drives it).</summary>
public sealed class TimelinessService(TimelinessMonitor monitor, IOptions<DashboardOptions> options, TimeProvider clock, ILogger<TimelinessService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.TimelinessCheckMinutes), clock);
        do
        {
            try
            {
                await monitor.CheckAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The timeliness check failed; it runs again at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
