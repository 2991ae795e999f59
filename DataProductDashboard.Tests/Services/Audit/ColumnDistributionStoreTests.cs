using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Storage;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Tests.Services.Audit;

public sealed class ColumnDistributionStoreTests
{
    private static readonly string[] Columns = ["temp", "hum", "season", DriftDetector.PredictionColumn];

    private static async Task<List<ColumnDistribution>> ReadAllAsync(ServiceHarness h, int batchId)
    {
        var result = new List<ColumnDistribution>();
        foreach (var column in Columns)
            result.Add(await h.Audits.GetColumnDistributionAsync(batchId, column, default));
        return result;
    }

    private static async Task<int> DistributionRunsAsync(ServiceHarness h, int batchId)
    {
        await using var db = await h.DbFactory.CreateDbContextAsync();
        return await db.MetricRuns.CountAsync(r => r.BatchId == batchId && r.Kind == BatchImporter.DistributionsRunKind);
    }

    [Fact]
    public async Task GetColumnDistribution_AfterImport_IsReadFromTheAudit_AndEqualsTheOneComputedFromTheFile()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var batch = await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(300, seed: 21, withLabel: false)), "b.csv", BatchSource.Api);
        await using var db = await h.DbFactory.CreateDbContextAsync();
        var hash = await db.Batches.Where(b => b.Id == batch.Id).Select(b => b.FileHash).SingleAsync();
        var path = h.Store.PathFor(ContentStore.Batches, hash, ".csv");
        var aside = path + ".aside";

        // With the batch file gone, the chart still has its data: it comes from the audit.
        File.Move(path, aside);
        var stored = await ReadAllAsync(h, batch.Id);
        File.Move(aside, path);
        // The computation from the file and the stored predictions (what the page did before, and still does for a
        // batch audited before distributions were stored).
        await db.MetricRuns.Where(r => r.BatchId == batch.Id && r.Kind == BatchImporter.DistributionsRunKind).ExecuteDeleteAsync();
        var fromRows = await ReadAllAsync(h, batch.Id);

        Assert.Equal(Columns, stored.Select(d => d.Column));
        for (var i = 0; i < Columns.Length; i++)
        {
            Assert.Equal(fromRows[i].Kind, stored[i].Kind);
            Assert.Equal(fromRows[i].Bins, stored[i].Bins);
            Assert.Equal((fromRows[i].ReferenceCount, fromRows[i].CurrentCount), (stored[i].ReferenceCount, stored[i].CurrentCount));
            Assert.Equal(fromRows[i].Reference, stored[i].Reference, (a, b) => Math.Abs(a - b) < 1e-12);
            Assert.Equal(fromRows[i].Current, stored[i].Current, (a, b) => Math.Abs(a - b) < 1e-12);
        }
        Assert.Equal(300, stored[3].CurrentCount);
        Assert.Equal(1.0, stored[0].Current.Sum(), 12);
    }

    [Fact]
    public async Task Reaudit_ReplacesTheStoredDistributions()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var batch = await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(80, seed: 5, withLabel: false)), "b.csv", BatchSource.Api);
        var before = await ReadAllAsync(h, batch.Id);

        await h.Importer.ReauditAsync(batch.Id, default);

        Assert.Equal(1, await DistributionRunsAsync(h, batch.Id));
        var after = await ReadAllAsync(h, batch.Id);
        Assert.Equal(before.Select(d => (d.Column, d.CurrentCount, string.Join("|", d.Bins))), after.Select(d => (d.Column, d.CurrentCount, string.Join("|", d.Bins))));
    }

    [Fact]
    public async Task GetColumnDistribution_NotAFeature_IsRefusedNamingTheColumns()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var batch = await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(40, withLabel: false)), "b.csv", BatchSource.Api);

        var error = await Assert.ThrowsAsync<InputValidationException>(() => h.Audits.GetColumnDistributionAsync(batch.Id, "id", default));

        Assert.Contains("'id' is not a feature", error.Message);
        Assert.Contains("or 'prediction'", error.Message);
    }
}
