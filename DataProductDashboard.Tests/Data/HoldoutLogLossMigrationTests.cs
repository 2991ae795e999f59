using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ModelSource = DataProductDashboard.Domain.ModelSource;

namespace DataProductDashboard.Tests.Data;

public sealed class HoldoutLogLossMigrationTests
{
    [Fact]
    public async Task Migrate_StoredTrainedVersion_HoldoutLogLossGoesFromBitsToNats()
    {
        using var temp = new TempDirectory();
        var connection = $"Data Source={Path.Combine(temp.Path, "m.db")};Pooling=false";
        var options = new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite(connection).Options;
        await using (var db = new DashboardDbContext(options))
            await db.GetService<IMigrator>().MigrateAsync("ProductLifecycle");
        // Rows as that schema held them (the current model has columns later migrations add).
        var product = await LegacyRows.InsertAsync(connection, "Products", new Dictionary<string, object?>
        {
            ["Name"] = "Before", ["Task"] = "BinaryClassification", ["CreatedAt"] = "2026-01-01 00:00:00",
        });
        foreach (var (number, source, metrics) in new[] { (1, "TrainedInApp", """{"accuracy":0.8,"log_loss":1.0}"""), (2, "Uploaded", """{"log_loss":1.0}""") })
        {
            await LegacyRows.InsertAsync(connection, "ModelVersions", new Dictionary<string, object?>
            {
                ["ProductId"] = product, ["Number"] = number, ["Source"] = source, ["Trainer"] = "t", ["FileHash"] = $"h{number}", ["FileName"] = "m.zip",
                ["HoldoutMetrics"] = metrics, ["Status"] = "Candidate", ["CreatedAt"] = "2026-01-01 00:00:00",
            });
        }

        await using (var db = new DashboardDbContext(options))
        {
            await db.Database.MigrateAsync();
            var versions = await db.ModelVersions.AsNoTracking().OrderBy(v => v.Number).ToListAsync();

            Assert.Equal(Math.Log(2), versions[0].HoldoutMetrics["log_loss"], 12);
            Assert.Equal(0.8, versions[0].HoldoutMetrics["accuracy"], 12);
            Assert.Equal(1.0, versions[1].HoldoutMetrics["log_loss"], 12);
        }
    }
}
