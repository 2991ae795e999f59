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
}
