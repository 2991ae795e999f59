using DataProductDashboard.Hosting;
using DataProductDashboard.Data;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrate_EmptyFile_AppliesEveryMigrationAndCreatesTheTables()
    {
        using var temp = new TempDirectory();
        var options = new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite($"Data Source={Path.Combine(temp.Path, "empty.db")}").Options;
        await using var db = new DashboardDbContext(options);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Products.CountAsync());
        Assert.Equal(0, await db.Predictions.CountAsync());
        Assert.Equal(0, await db.MetricPoints.CountAsync());
    }

    [Fact]
    public void Model_HasNoChangesMissingFromTheMigrations()
    {
        using var temp = new TempDirectory();
        var options = new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite($"Data Source={Path.Combine(temp.Path, "m.db")}").Options;
        using var db = new DashboardDbContext(options);

        Assert.False(db.Database.HasPendingModelChanges(), "Run 'dotnet ef migrations add <Name>' in DataProductDashboard/.");
    }

    [Fact]
    public void PostgreSqlModel_HasNoChangesMissingFromTheMigrations()
    {
        var options = new DbContextOptionsBuilder<DashboardDbContext>().UseNpgsql("Host=127.0.0.1;Database=unused").Options;
        using var db = new PostgreSqlDashboardDbContext(options);

        Assert.False(db.Database.HasPendingModelChanges(),
            "Run 'dotnet ef migrations add <Name> -c PostgreSqlDashboardDbContext --output-dir Data/Migrations/PostgreSql' in DataProductDashboard/.");
    }

    [Fact]
    public async Task MigratePostgreSql_EmptyDatabase_AppliesEveryPostgreSqlMigrationAndNoneOfSqlites()
    {
        var name = $"dpd_migrate_{Guid.NewGuid():N}";
        var connectionString = PostgresServer.ConnectionString(name);
        var options = new DbContextOptionsBuilder<DashboardDbContext>().UseNpgsql(connectionString).Options;
        try
        {
            await using var db = new PostgreSqlDashboardDbContext(options);

            await db.Database.MigrateAsync();

            var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
            Assert.Equal(db.Database.GetMigrations(), applied);
            await using var sqlite = new DashboardDbContext(new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite("Data Source=:memory:").Options);
            Assert.Empty(applied.Intersect(sqlite.Database.GetMigrations()));
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await db.Products.CountAsync());
            Assert.Equal(0, await db.Predictions.CountAsync());
        }
        finally
        {
            PostgresServer.DropDatabase(connectionString);
        }
    }

    [Fact]
    public async Task MigrateAsync_FourInstancesStartingAtOnceOnAMissingPostgreSqlDatabase_AllSucceedOnOneMigratedDatabase()
    {
        var connectionString = PostgresServer.ConnectionString($"dpd_race_{Guid.NewGuid():N}");
        var options = new DbContextOptionsBuilder<DashboardDbContext>().UseNpgsql(connectionString).Options;
        try
        {
            // Each finds the database missing and tries to create it, then its history table, then migrates.
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                await using var db = new PostgreSqlDashboardDbContext(options);
                await DatabaseInitializer.MigrateAsync(db, CancellationToken.None);
            })));

            await using var check = new PostgreSqlDashboardDbContext(options);
            Assert.Equal(check.Database.GetMigrations(), await check.Database.GetAppliedMigrationsAsync());
        }
        finally
        {
            PostgresServer.DropDatabase(connectionString);
        }
    }
}
