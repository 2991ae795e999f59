using DataProductDashboard.Configuration;
using DataProductDashboard.Analysis;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Tests.Services.Kpis;

public sealed class KpiAuditFactsTests
{
    [Fact]
    public async Task BatchLevelPoints_ReadsThePartialIndex_AndReturnsEveryBatchLevelPointOfItsKeys()
    {
        await using var h = await ServiceHarness.CreateAsync(provider: DatabaseProvider.Sqlite);
        var product = await h.CreateRegressionProductAsync();
        for (var b = 0; b < 3; b++)
            await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(40, seed: 10 + b, withLabel: false)), $"b{b}.csv", BatchSource.Api);
        await using var db = await h.DbFactory.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        var since = DateTime.MinValue;
        var until = DateTime.MaxValue;

        var points = await KpiAuditFacts.BatchLevelPoints(db, product.Id, since, until).ToListAsync();
        var plan = await QueryPlan.OfAsync(KpiAuditFacts.BatchLevelPoints(db, product.Id, since, until));

        Assert.Contains(plan, step => step.Contains("INDEX IX_MetricPoints_BatchLevel", StringComparison.Ordinal));
        var expected = (await db.MetricPoints.AsNoTracking().Where(p => p.ProductId == product.Id).ToListAsync())
            .Where(p => p.BatchId != null && p.Column == null && p.Segment == null
                && p.MetricKey is AuditPoints.DatasetDrift or AuditPoints.DriftShare or AuditPoints.DriftedColumns)
            .Select(p => new KpiAuditFacts.BatchPoint(p.BatchId!.Value, p.MetricKey, p.Value, p.Id)).OrderBy(p => p.Id).ToList();
        Assert.Equal(9, expected.Count);
        Assert.Equal(expected, points.OrderBy(p => p.Id).ToList());
    }
}
