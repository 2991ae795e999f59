using DataProductDashboard.Configuration;
using DataProductDashboard.Hosting;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Services.Products;

/// <summary>Runs <see cref="RetentionService"/> at start and then every <see cref="DashboardOptions.RetentionCheckMinutes"/>
/// on the app's <see cref="TimeProvider"/>, on one instance at a time.</summary>
public sealed class RetentionSweeper(RetentionService retention, IOptions<DashboardOptions> options, TimeProvider clock, ILogger<RetentionSweeper> logger,
    Operations.SingletonWork singleton)
    : PeriodicService(clock, logger, singleton)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.RetentionCheckMinutes);

    protected override string Name => "retention sweep";

    protected override Task RunOnceAsync(CancellationToken ct) => retention.PurgeAsync(ct);
}
