using DataProductDashboard.Configuration;
using DataProductDashboard.Data;
using DataProductDashboard.Services.Demo;
using DataProductDashboard.Services.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Hosting;

/// <summary>At start: creates data/, applies the committed migrations, gives split batches stored before arm statistics existed theirs, removes files a stopped process left behind, creates the first Admin when there are no users, and seeds the demo when enabled and absent.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<DashboardDbContext> dbFactory,
    DemoSeeder seeder,
    InitialAdmin initialAdmin,
    DataProductDashboard.Services.Jobs.OrphanFiles orphans,
    DataProductDashboard.Services.Experiments.ExperimentSamples experimentSamples,
    IOptions<DashboardOptions> options,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.Value.DataPath);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        logger.LogInformation("Database ready at {Path}", options.Value.DatabasePath);
        await experimentSamples.BackfillAsync(dbFactory, logger, cancellationToken);
        await orphans.SweepAsync(cancellationToken);
        await initialAdmin.EnsureAsync(cancellationToken);
        if (options.Value.SeedDemo)
            await seeder.SeedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
