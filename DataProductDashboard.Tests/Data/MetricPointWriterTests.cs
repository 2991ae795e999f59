using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Tests.Data;

/// <summary>Metric points written by the bulk insert (prepared INSERTs on SQLite, COPY on PostgreSQL) read back through
/// EF Core exactly as if EF had written them.</summary>
[Trait(Providers.Trait, Providers.Both)]
public sealed class MetricPointWriterTests
{
    [Fact]
    public async Task InsertAsync_MorePointsThanOneStatement_ReadBackExactlyThroughEf()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var at = new DateTime(2024, 3, 1, 6, 30, 15, DateTimeKind.Utc).AddTicks(1234567);
        var points = Enumerable.Range(0, 450).Select(i => new MetricPoint
        {
            ProductId = product.Id, BatchId = null, ModelVersionId = null, MetricRunId = null,
            MetricKey = $"key.{i % 7}", Column = i % 3 == 0 ? null : $"col'{i}\"", Segment = i % 5 == 0 ? "arm:challenger" : null,
            Value = i % 11 == 0 ? double.MaxValue / (i + 1) : Math.PI * i, At = at.AddHours(i),
        }).ToList();

        await using (var db = await h.DbFactory.CreateDbContextAsync())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await MetricPointWriter.InsertAsync(db, points, default);
            await tx.CommitAsync();
        }

        await using var read = await h.DbFactory.CreateDbContextAsync();
        var stored = await read.MetricPoints.AsNoTracking().Where(p => p.ProductId == product.Id && p.MetricKey.StartsWith("key.")).OrderBy(p => p.Id).ToListAsync();
        // Times as EF stores them: UTC in whole microseconds (the 100 ns tick of 'at' is dropped on every provider).
        var asEfStores = new UtcDateTimeConverter();
        Assert.Equal(points.Select(p => (p.MetricKey, p.Column, p.Segment, p.Value, (DateTime)asEfStores.ConvertToProvider(p.At)!, p.BatchId)),
            stored.Select(p => (p.MetricKey, p.Column, p.Segment, p.Value, p.At, p.BatchId)));
        Assert.Equal(at.AddTicks(-7), stored[0].At);
        Assert.All(stored, p => Assert.Equal(DateTimeKind.Utc, p.At.Kind));
        // Range queries compare the stored text: a point written here sorts with one EF wrote.
        Assert.Equal(10, await read.MetricPoints.CountAsync(p => p.ProductId == product.Id && p.MetricKey.StartsWith("key.") && p.At >= at.AddHours(440)));
    }

    [Fact]
    public async Task InsertAsync_RolledBack_StoresNothing()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        await using (var db = await h.DbFactory.CreateDbContextAsync())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await MetricPointWriter.InsertAsync(db, [new MetricPoint { ProductId = product.Id, MetricKey = "rolled.back", Value = 1, At = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc) }], default);
            await tx.RollbackAsync();
        }

        Assert.Equal(0, await h.CountAsync(db => db.MetricPoints.Where(p => p.MetricKey == "rolled.back")));
    }
}
