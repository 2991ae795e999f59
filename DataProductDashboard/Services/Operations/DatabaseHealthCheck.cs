using DataProductDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DataProductDashboard.Services.Operations;

/// <summary>Ready when the database answers and every committed migration is applied (an instance started before a
/// newer one migrated the schema, or against a store it could not migrate, is not).</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<DashboardDbContext> dbFactory, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
                return HealthCheckResult.Unhealthy("The database does not answer.");
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("The database answers; every migration is applied.")
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied, the first '{pending[0]}'.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The answer is public (load balancers ask it): the kind of failure only; the exception goes to the log.
            logger.LogError(ex, "Readiness: the database check failed");
            return HealthCheckResult.Unhealthy($"The database failed ({ex.GetType().Name}).", ex);
        }
    }
}
