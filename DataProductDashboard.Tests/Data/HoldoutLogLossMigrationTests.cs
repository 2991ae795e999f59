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
        var options = new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite($"Data Source={Path.Combine(temp.Path, "m.db")};Pooling=false").Options;
        await using (var db = new DashboardDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync("ProductLifecycle");
            var product = new DataProduct { Name = "Before", Task = TaskType.BinaryClassification, Schema = TestSchemas.Binary, CreatedAt = new DateTime(2026, 1, 1) };
            db.Products.Add(product);
            db.ModelVersions.AddRange(
                new ModelVersion { Product = product, Number = 1, Source = ModelSource.TrainedInApp, Trainer = "FastTree", FileHash = "a", FileName = "a.zip",
                    HoldoutMetrics = new() { ["accuracy"] = 0.8, ["log_loss"] = 1.0 } },
                new ModelVersion { Product = product, Number = 2, Source = ModelSource.Uploaded, Trainer = "uploaded", FileHash = "b", FileName = "b.zip",
                    HoldoutMetrics = new() { ["log_loss"] = 1.0 } });
            await db.SaveChangesAsync();
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
