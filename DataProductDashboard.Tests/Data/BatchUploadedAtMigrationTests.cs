using System.Globalization;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ModelSource = DataProductDashboard.Domain.ModelSource;

namespace DataProductDashboard.Tests.Data;

public sealed class BatchUploadedAtMigrationTests
{
    [Fact]
    public async Task Migrate_StoredBatches_UploadTimeIsReceivedTimeExceptABackfillCountsFromTheMigration()
    {
        using var temp = new TempDirectory();
        var connection = $"Data Source={Path.Combine(temp.Path, "m.db")};Pooling=false";
        var options = new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite(connection).Options;
        await using (var db = new DashboardDbContext(options))
            await db.GetService<IMigrator>().MigrateAsync("HoldoutLogLossInNats");
        var productId = await LegacyRows.InsertAsync(connection, "Products", new Dictionary<string, object?>
        {
            ["Name"] = "Before", ["Task"] = "BinaryClassification", ["CreatedAt"] = "2026-01-01 00:00:00",
        });
        var versionId = await LegacyRows.InsertAsync(connection, "ModelVersions", new Dictionary<string, object?>
        {
            ["ProductId"] = productId, ["Number"] = 1, ["Source"] = "Uploaded", ["Trainer"] = "uploaded", ["FileHash"] = "a", ["FileName"] = "a.zip",
            ["HoldoutMetrics"] = "{}", ["Status"] = "Champion", ["CreatedAt"] = "2026-01-01 00:00:00",
        });
        // The Batches table as it was before the migration: every required column filled, two batches.
        await using (var sqlite = new SqliteConnection(connection))
        {
            await sqlite.OpenAsync();
            var columns = new List<(string Name, string Type)>();
            await using (var info = sqlite.CreateCommand())
            {
                info.CommandText = "SELECT name, type FROM pragma_table_info('Batches') WHERE \"notnull\" = 1 AND pk = 0";
                await using var reader = await info.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    columns.Add((reader.GetString(0), reader.GetString(1)));
            }
            Assert.DoesNotContain(columns, c => c.Name == "UploadedAt");
            foreach (var (id, receivedAt, backfill) in new[] { (1, "2026-11-01 10:00:00", 0), (2, "2011-01-01 00:00:00", 1) })
            {
                await using var insert = sqlite.CreateCommand();
                insert.CommandText = $"INSERT INTO Batches (Id, {string.Join(", ", columns.Select(c => c.Name))}) VALUES ({id}, {string.Join(", ", columns.Select(c => "$" + c.Name))})";
                foreach (var (name, type) in columns)
                {
                    object value = name switch
                    {
                        "ProductId" => productId,
                        "ModelVersionId" => versionId,
                        "ReceivedAt" => receivedAt,
                        "Backfill" => backfill,
                        "Source" => "Api",
                        "Status" => "Analyzed",
                        _ => type == "TEXT" ? "x" : 0,
                    };
                    insert.Parameters.AddWithValue("$" + name, value);
                }
                await insert.ExecuteNonQueryAsync();
            }
        }
        var before = DateTime.UtcNow.AddSeconds(-5);

        await using (var db = new DashboardDbContext(options))
        {
            await db.Database.MigrateAsync();
            var batches = await db.Batches.AsNoTracking().OrderBy(b => b.Id).ToListAsync();

            Assert.Equal(DateTime.Parse("2026-11-01 10:00:00", CultureInfo.InvariantCulture), batches[0].UploadedAt);
            Assert.InRange(batches[1].UploadedAt, before, DateTime.UtcNow.AddSeconds(5));
            Assert.Equal(new DateTime(2011, 1, 1), batches[1].ReceivedAt);
        }
    }
}
