using DataProductDashboard.Configuration;
using DataProductDashboard.Hosting;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Services.Alerts;

/// <summary>Runs the missing-batch check every <see cref="DashboardOptions.TimelinessCheckMinutes"/> on the app's
/// <see cref="TimeProvider"/> (a fake clock in tests drives it), on one instance at a time.</summary>
public sealed class TimelinessService(TimelinessMonitor monitor, IOptions<DashboardOptions> options, TimeProvider clock, ILogger<TimelinessService> logger,
    Operations.SingletonWork singleton)
    : PeriodicService(clock, logger, singleton)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.TimelinessCheckMinutes);

    protected override string Name => "timeliness check";

    protected override Task RunOnceAsync(CancellationToken ct) => monitor.CheckAsync(ct);
}
