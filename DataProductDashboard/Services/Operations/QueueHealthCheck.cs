using DataProductDashboard.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Services.Operations;

/// <summary>Degraded (still ready: the instance works, the queue is behind) when the oldest queued job has waited longer
/// than <see cref="OperationsOptions.QueueLagSeconds"/>.</summary>
public sealed class QueueHealthCheck(QueueGauge queue, IOptions<OperationsOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var reading = await queue.ReadAsync(cancellationToken);
        var limit = options.Value.QueueLagSeconds;
        var data = new Dictionary<string, object>
        {
            ["queued"] = reading.Queued,
            ["running"] = reading.Running,
            ["oldestQueuedSeconds"] = Math.Round(reading.OldestQueuedSeconds, 1),
        };
        return reading.OldestQueuedSeconds > limit
            ? HealthCheckResult.Degraded($"The oldest of {reading.Queued} queued job(s) has waited {reading.OldestQueuedSeconds:F0} s (limit {limit} s).", data: data)
            : HealthCheckResult.Healthy($"{reading.Queued} job(s) queued, {reading.Running} running.", data);
    }
}
