using DataProductDashboard.Configuration;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DataProductDashboard.Tests.Services.Batches;

/// <summary>Batch numbers count per product (1, 2, 3… in arrival order) while the global id stays the id: assigned in
/// the import transaction, backfilled by the migration in id order, and what sentences name.</summary>
public sealed class BatchNumberTests
{
    private static readonly DateTime Start = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    private static byte[] Rows(int count, int firstId) => TestSchemas.Utf8(TestSchemas.RegressionCsv(count, seed: firstId, withLabel: false, firstId: firstId));

    /// <summary>Two products whose batches arrive interleaved: A, B, A, B, A (ids 1–5; numbers 1, 1, 2, 2, 3).</summary>
    private static async Task<(ServiceHarness H, int A, int B)> InterleavedAsync()
    {
        var h = await ServiceHarness.CreateAsync(provider: DatabaseProvider.Sqlite);
        var a = await h.CreateRegressionProductAsync("A");
        var b = await h.CreateRegressionProductAsync("B");
        int[] order = [a.Id, b.Id, a.Id, b.Id, a.Id];
        for (var i = 0; i < order.Length; i++)
            await h.Importer.ImportAsync(order[i], Rows(12, 1000 + (i * 100)), $"b{i}.csv", BatchSource.Api, Start.AddDays(i));
        return (h, a.Id, b.Id);
    }

    private static async Task<List<(int ProductId, int Id, int Number)>> NumbersAsync(DashboardDbContext db) =>
        (await db.Batches.AsNoTracking().OrderBy(b => b.Id).Select(b => new { b.ProductId, b.Id, b.Number }).ToListAsync())
            .Select(b => (b.ProductId, b.Id, b.Number)).ToList();

    [Fact]
    public async Task Import_TwoProductsInterleaved_NumbersEachProductsBatchesFromOne()
    {
        var (h, a, b) = await InterleavedAsync();
        await using var _h = h;
        await using var db = await h.DbFactory.CreateDbContextAsync();

        var numbers = await NumbersAsync(db);

        Assert.Equal([1, 2, 3], numbers.Where(n => n.ProductId == a).Select(n => n.Number));
        Assert.Equal([1, 2], numbers.Where(n => n.ProductId == b).Select(n => n.Number));
        var page = await h.Batches.ListAsync(b, 1, 10, DataProductDashboard.Services.Batches.BatchSort.ReceivedAt, true, null, default);
        Assert.Equal([(numbers[3].Id, 2, "#2"), (numbers[1].Id, 1, "#1")], page.Items.Select(i => (i.Id, i.Number, i.Label)));
    }

    [Fact]
    public async Task Migrate_BatchNumbersAppliedToStoredBatches_NumbersEachProductInIdOrder()
    {
        var (h, a, b) = await InterleavedAsync();
        await using var _h = h;
        await using var db = await h.DbFactory.CreateDbContextAsync();
        var before = await NumbersAsync(db);
        var migrator = db.GetService<IMigrator>();

        await migrator.MigrateAsync("AlertWaivers");
        await migrator.MigrateAsync();

        Assert.Equal(before, await NumbersAsync(db));
        Assert.Equal([1, 2, 3, 1, 2], before.OrderBy(n => n.ProductId == a ? 0 : 1).ThenBy(n => n.Id).Select(n => n.Number));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task GateAlert_OnTheSecondProductsFirstBatch_NamesItsNumberNotItsId()
    {
        var (h, _, b) = await InterleavedAsync();
        await using var _h = h;
        await h.Gates.CreateAsync(b, new GateRuleInput(GateScope.Batch, "batch.rows", null, GateCondition.Lt, 10, GateSeverity.Critical, Name: "Small"), new Actor("pm"), default);

        var batch = await h.Importer.ImportAsync(b, Rows(40, 9000), "big.csv", BatchSource.Api, Start.AddDays(10));

        Assert.Equal((6, 3), (batch.Id, batch.Number));
        var alert = Assert.Single((await h.Alerts.ListAsync(new DataProductDashboard.Services.Alerts.AlertFilter(b), default)).Items);
        Assert.Equal("Rows 40 ≥ threshold 10 (batch #3, big.csv).", alert.Message);
        Assert.Equal((batch.Id, 3), (alert.BatchId, alert.BatchNumber));
        var outcome = Assert.Single(await h.Gates.ListForBatchAsync(batch.Id, default));
        Assert.Equal(3, outcome.BatchNumber);
        Assert.Equal(3, Assert.Single((await h.Gates.ListEvaluationsAsync(b, new EvaluationFilter(), default)).Items, e => e.BatchId == batch.Id).BatchNumber);
    }
}
