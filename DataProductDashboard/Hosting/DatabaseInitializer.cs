using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
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
    DataProductDashboard.Services.Operations.SingletonWork instances,
    IOptions<DashboardOptions> options,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.Value.DataPath);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await MigrateAsync(db, cancellationToken);
            var connection = db.Database.GetDbConnection();
            logger.LogInformation("Database ready: {Provider} at {DataSource} {Database}", db.Database.ProviderName, connection.DataSource, connection.Database);
        }
        // Several instances may start at once on one database: the first admin, the demo and the repairs are made by
        // one of them at a time (the others then find them done).
        await instances.AnnouncePresenceAsync(cancellationToken);
        await using (await instances.HoldAsync(StartUpWork, TimeSpan.FromMinutes(2), cancellationToken))
        {
            await experimentSamples.BackfillAsync(dbFactory, logger, cancellationToken);
            await orphans.SweepAsync(cancellationToken);
            await initialAdmin.EnsureAsync(cancellationToken);
            if (options.Value.SeedDemo)
                await seeder.SeedAsync(cancellationToken);
        }
    }

    /// <summary>Creates the database and its migration history when missing, then applies the migrations. The first two
    /// go through checks that expect the failure they probe for: EF's migrator on an empty PostgreSQL database logs a
    /// connection error and a failed history query as errors before it creates both (dotnet/efcore#37328). Instances
    /// starting at once may both find the database missing: the one whose create loses the race goes on with the
    /// winner's; then each creates the history table and migrates under <see cref="MigrationLock"/>, one at a time.</summary>
    public static async Task MigrateAsync(DashboardDbContext db, CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            try
            {
                await creator.CreateAsync(ct);
            }
            catch (Exception e) when (DatabaseErrors.IsAlreadyCreated(e))
            {
                // Another instance created it first.
            }
        }
        await using (await MigrationLock.HoldAsync(db, ct))
        {
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>().CreateIfNotExistsAsync(ct);
            await db.Database.MigrateAsync(ct);
        }
    }

    /// <summary>The lease of the start-up's one-instance-at-a-time part.</summary>
    public const string StartUpWork = "start-up";

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
