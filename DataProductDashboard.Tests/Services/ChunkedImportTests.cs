using System.Text.Json;
using DataProductDashboard.Analysis;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Scoring;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Tests.Services;

/// <summary>A batch read, scored and audited chunk by chunk stores exactly what one whole read would: the same keys,
/// predictions and labels in row order, the same audit, the same event-time range.</summary>
[Trait(Providers.Trait, Providers.Both)]
public sealed class ChunkedImportTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ImportAsync_FileOfSeveralChunks_StoresWhatOneWholeReadGives(bool queued)
    {
        await using var h = await ServiceHarness.CreateAsync(backgroundBatchRows: queued ? 1_000 : 100_000,
            settings: new Dictionary<string, string?> { ["Dashboard:ImportChunkRows"] = "1000" });
        var product = await h.CreateRegressionProductAsync();
        var text = TestSchemas.RegressionCsv(2_500, seed: 21, withLabel: true);
        var bytes = TestSchemas.Utf8(text);

        int batchId;
        if (queued)
        {
            using var file = await h.UploadAsync(text, "long.csv");
            var submitted = await h.Intake.SubmitAsync(product.Id, file, BatchSource.Api, allowDuplicate: false, progress: null, default);
            Assert.Null(submitted.Batch);
            await h.RunJobAsync(submitted.Job!.Id);
            batchId = (await h.CountAsync(db => db.Batches.Where(b => b.ProductId == product.Id))) == 1
                ? await ScalarAsync(h, db => db.Batches.Where(b => b.ProductId == product.Id).Select(b => b.Id))
                : throw new InvalidOperationException("expected one batch");
        }
        else
        {
            batchId = (await h.Importer.ImportAsync(product.Id, bytes, "long.csv", BatchSource.Api)).Id;
        }

        await using var db = await h.DbFactory.CreateDbContextAsync();
        var batch = await db.Batches.Include(b => b.ModelVersion).SingleAsync(b => b.Id == batchId);
        var stored = await db.Predictions.Where(p => p.BatchId == batchId).OrderBy(p => p.RowIndex).ToListAsync();
        var parsed = CsvBatchReader.Read(bytes, "long.csv", TestSchemas.Regression, CsvReadMode.Batch);
        var scores = ModelScorer.Score(await h.Get<ModelCache>().GetAsync(batch.ModelVersion!.FileHash), parsed.Table, TestSchemas.Regression, TaskType.Regression);

        Assert.Equal(2_500, batch.RowCount);
        Assert.Equal(2_500, batch.LabelledRows);
        Assert.Equal(Enumerable.Range(0, 2_500), stored.Select(p => p.RowIndex));
        Assert.Equal(parsed.RowKeys, stored.Select(p => p.RowKey));
        Assert.Equal(scores.Predicted.Select(v => (double)v), stored.Select(p => p.Predicted));
        Assert.Equal(parsed.Table.Numeric("cnt").Select(v => (double?)v), stored.Select(p => p.Label));
        Assert.Equal(parsed.Table.Timestamps("day").Min(), batch.EventTimeFrom);
        Assert.Equal(parsed.Table.Timestamps("day").Max(), batch.EventTimeTo);

        var reference = (await h.Profiles.GetAsync(batch.ModelVersion.FileHash, default))!;
        var settings = (await db.Products.SingleAsync(p => p.Id == product.Id)).DriftSettings;
        var expected = BatchAuditor.Audit(TestSchemas.Regression, parsed.Table, parsed.RowKeys, scores.Predicted.Select(v => (double)v).ToArray(),
            reference, batch.ReceivedAt, [], settings);
        var json = await db.MetricRuns.Where(r => r.BatchId == batchId && r.Kind == BatchImporter.AuditRunKind).Select(r => r.ResultJson).SingleAsync();
        var audit = JsonSerializer.Deserialize<AuditResult>(json, DataProductDashboard.Data.JsonValueConverter.Options)!;
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(audit));
        Assert.Empty(Directory.GetFiles(h.Store.TempDirectory, "spool-*"));
    }

    [Fact]
    public async Task ImportAsync_BadRowInTheLastChunk_StoresNothing()
    {
        await using var h = await ServiceHarness.CreateAsync(settings: new Dictionary<string, string?> { ["Dashboard:ImportChunkRows"] = "1000" });
        var product = await h.CreateRegressionProductAsync();
        var text = TestSchemas.RegressionCsv(2_500, seed: 22, withLabel: false);
        var lines = text.TrimEnd('\n').Split('\n');
        var cells = lines[2_400].Split(',');
        cells[2] = "hot";
        lines[2_400] = string.Join(',', cells);
        var bytes = TestSchemas.Utf8(string.Join('\n', lines) + "\n");

        var error = await Assert.ThrowsAsync<InputValidationException>(() => h.Importer.ImportAsync(product.Id, bytes, "bad.csv", BatchSource.Api));

        Assert.Contains(error.Errors.Keys, k => k.Contains("row 2401", StringComparison.Ordinal));
        Assert.Equal(0, await h.CountAsync(db => db.Batches));
        Assert.Equal(0, await h.CountAsync(db => db.Predictions));
        Assert.Empty(Directory.GetFiles(h.Store.TempDirectory, "spool-*"));
    }

    private static async Task<int> ScalarAsync(ServiceHarness h, Func<DataProductDashboard.Data.DashboardDbContext, IQueryable<int>> query)
    {
        await using var db = await h.DbFactory.CreateDbContextAsync();
        return await query(db).SingleAsync();
    }
}
