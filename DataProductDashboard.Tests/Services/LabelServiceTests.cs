using DataProductDashboard.Configuration;
using System.Globalization;
using DataProductDashboard.Analysis.Performance;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Labels;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Tests.Services;

[Trait(Providers.Trait, Providers.Both)]
public sealed class LabelServiceTests
{
    private static string Labels(int from, int to, Func<int, double> value) =>
        "id,cnt\n" + string.Concat(Enumerable.Range(from, to - from + 1).Select(i => string.Create(CultureInfo.InvariantCulture, $"r{i},{value(i)}\n")));

    [Fact]
    public async Task Upload_JoinsByRowKeyAndRecomputesPerformanceWithConceptDrift()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var batch = await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(100, seed: 9, withLabel: false)), "b.csv", BatchSource.Api);
        var predictions = (await h.Batches.GetPredictionsAsync(batch.Id, 1, 100, default)).Items;

        // Labels 50 units above the predictions: a real, large drop from the hold-out MAE.
        var result = await h.Labels.UploadAsync(product.Id, TestSchemas.Utf8(Labels(1, 80, i => Math.Round(predictions[i - 1].Predicted + 50, 3))), "labels.csv", default);
        var detail = await h.Batches.GetDetailAsync(batch.Id, default);

        Assert.Equal(80, result.Rows);
        Assert.Equal(80, result.PredictionsLabelled);
        Assert.Equal([batch.Id], result.Batches);
        Assert.Equal(80, detail.Batch.LabelledRows);
        var performance = Assert.IsType<PerformanceResult>(detail.Performance);
        Assert.Equal(50, performance.Regression!.Mae, 2);
        Assert.Equal(-50, performance.Regression.MeanError, 2);
        Assert.Equal(ConceptDriftVerdict.Degraded, performance.ConceptDrift.Verdict);
        Assert.Equal(1, await h.CountAsync(db => db.MetricPoints.Where(p => p.BatchId == batch.Id && p.MetricKey == "perf.mae")));
    }

    [Fact]
    public async Task Upload_BinaryLabelsWithEmptyCellsAndMarkers_LeavesThoseRowsUnlabelledAndCountsOnlyTheRest()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var (created, batch) = await BinaryWithGapsAsync(h);
        // Rows a1–a10 labelled, a11–a15 empty, a16–a20 'NA': only ten rows get a label, and no missing one becomes "good".
        var csv = "id,risk\n" + string.Concat(Enumerable.Range(1, 20).Select(i => $"a{i},{(i <= 10 ? (i % 2 == 0 ? "bad" : "good") : i <= 15 ? "" : "NA")}\n"));

        var result = await h.Labels.UploadAsync(created.Id, TestSchemas.Utf8(csv), "labels.csv", default);

        Assert.Equal((20, 10), (result.Rows, result.PredictionsLabelled));
        Assert.Equal(10, (await h.Batches.GetDetailAsync(batch.Id, default)).Batch.LabelledRows);
        Assert.Equal(10, await h.CountAsync(db => db.Predictions.Where(p => p.BatchId == batch.Id && p.Label != null)));
        Assert.Equal(5, await h.CountAsync(db => db.Predictions.Where(p => p.BatchId == batch.Id && p.Label == 1)));
    }

    [Fact]
    public async Task Upload_SomeRowsOfAShadowScoredBatch_JudgesTheChallengerOnExactlyThoseRows()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        await h.Registry.TrainAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(240, seed: 21)), "train-v2.csv",
            new DataProductDashboard.Services.Models.TrainModelRequest(TrainerKind.Sdca), default);
        var batch = await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(40, withLabel: false)), "b.csv", BatchSource.Api);
        int[] rows = [3, 10, 11, 25, 40];

        await h.Labels.UploadAsync(product.Id, TestSchemas.Utf8("id,cnt\n" + string.Concat(rows.Select(r => $"r{r},{r * 7}\n"))), "labels.csv", default);

        await using var db = await h.DbFactory.CreateDbContextAsync();
        var shadow = await db.ShadowPredictions.Where(s => s.BatchId == batch.Id).ToListAsync();
        var challenger = Assert.Single(shadow.Select(s => s.ModelVersionId).Distinct());
        var expected = rows.Average(r => Math.Abs(shadow.Single(s => s.RowIndex == r - 1).Predicted - (r * 7)));
        var mae = await db.MetricPoints.Where(p => p.BatchId == batch.Id && p.ModelVersionId == challenger && p.MetricKey == "perf.mae").SingleAsync();
        Assert.Equal(expected, mae.Value, 1e-9);
        Assert.Equal(rows.Length, (await db.MetricPoints.Where(p => p.BatchId == batch.Id && p.ModelVersionId == challenger && p.MetricKey == PerformancePoints.LabelledRows).SingleAsync()).Value);
    }

    [Fact]
    public async Task Upload_MissingLabelOfAnUnknownKey_IsRejectedAndLabelsNothing()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var (created, batch) = await BinaryWithGapsAsync(h);

        var error = await Assert.ThrowsAsync<InputValidationException>(() => h.Labels.UploadAsync(created.Id, TestSchemas.Utf8("id,risk\na1,good\nzz9,NA\n"), "labels.csv", default));

        Assert.Contains("no prediction of this product has row key 'zz9'", error.Errors["row 3, column 'id'"][0]);
        Assert.Equal(0, await h.CountAsync(db => db.Predictions.Where(p => p.BatchId == batch.Id && p.Label != null)));
    }

    /// <summary>A binary product whose label may be missing ('NA' or empty) and one 30-row batch (keys a1–a30) without labels.</summary>
    private static async Task<(DataProductDashboard.Services.Products.ProductDetail Product, DataProductDashboard.Services.Batches.BatchSummary Batch)> BinaryWithGapsAsync(ServiceHarness h)
    {
        var schema = TestSchemas.Binary with
        {
            Columns = TestSchemas.Binary.Columns.Select(c => c.Role == ColumnRole.Label ? c with { Nullable = true } : c).ToList(),
            MissingMarkers = ["NA"],
        };
        var created = await h.Products.CreateAsync(new DataProductDashboard.Services.Products.CreateProductRequest("Risk with gaps", "", "", TaskType.BinaryClassification, schema), default);
        await h.Registry.TrainAsync(created.Id, TestSchemas.Utf8(TestSchemas.BinaryCsv(300)), "train.csv", new DataProductDashboard.Services.Models.TrainModelRequest(TrainerKind.FastTree), default);
        var batch = await h.Importer.ImportAsync(created.Id, TestSchemas.Utf8(TestSchemas.BinaryCsv(30, withLabel: false)), "b.csv", BatchSource.Api);
        return (created, batch);
    }

    [Fact]
    public async Task Upload_Twice_ReplacesThePerformanceRunInsteadOfDuplicatingIt()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var batch = await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(40, withLabel: false)), "b.csv", BatchSource.Api);

        await h.Labels.UploadAsync(product.Id, TestSchemas.Utf8(Labels(1, 20, _ => 10)), "first.csv", default);
        await h.Labels.UploadAsync(product.Id, TestSchemas.Utf8(Labels(21, 40, _ => 12)), "second.csv", default);

        Assert.Equal(1, await h.CountAsync(db => db.MetricRuns.Where(r => r.BatchId == batch.Id && r.Kind == "performance")));
        Assert.Equal(1, await h.CountAsync(db => db.MetricPoints.Where(p => p.BatchId == batch.Id && p.MetricKey == "perf.mae")));
        Assert.Equal(40, (await h.Batches.GetSummaryAsync(batch.Id, default)).LabelledRows);
    }

    [Theory]
    [InlineData("id,cnt\nr1,5\nr999,7\n", "row 3, column 'id'", "no prediction of this product has row key 'r999'")]
    [InlineData("id,cnt\nr1,5\nr2,6\nr1,7\n", "row 4, column 'id'", "row key 'r1' appears again (first on row 2)")]
    [InlineData("id,cnt\nr1,many\n", "row 2, column 'cnt'", "'many' is not a number")]
    [InlineData("id\nr1\n", "column 'cnt'", "The label column 'cnt' is missing")]
    public async Task Upload_BadFile_NamesRowAndColumnAndWritesNothing(string csv, string key, string message)
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(10, withLabel: false)), "b.csv", BatchSource.Api);

        var error = await Assert.ThrowsAsync<InputValidationException>(() => h.Labels.UploadAsync(product.Id, TestSchemas.Utf8(csv), "labels.csv", default));

        Assert.Contains(message, error.Errors[key][0]);
        Assert.Equal(0, await h.CountAsync(db => db.Predictions.Where(p => p.Label != null)));
        Assert.Equal(0, await h.CountAsync(db => db.MetricRuns.Where(r => r.Kind == "performance")));
    }

    [Fact]
    public async Task KeyLookup_ProbesTheProductAndRowKeyIndexOnly_NotTheProductsPredictions()
    {
        await using var h = await ServiceHarness.CreateAsync(provider: DatabaseProvider.Sqlite);
        var product = await h.CreateRegressionProductAsync();
        await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(50, withLabel: false)), "b.csv", BatchSource.Api);
        await using var db = await h.DbFactory.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();

        var plan = await QueryPlan.OfSqlAsync(db.Database.GetDbConnection(), PredictionWriter.KeyLookupSql);

        Assert.Equal(["SEARCH Predictions USING COVERING INDEX IX_Predictions_ProductId_RowKey (ProductId=? AND RowKey=?)"], plan);
    }

    [Fact]
    public async Task Upload_KeysOfSeveralBatches_LabelsExactlyThoseRowsAndReportsTheirBatches()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var first = await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(30, withLabel: false)), "a.csv", BatchSource.Api);
        var csv = TestSchemas.RegressionCsv(30, seed: 9, withLabel: false).Replace("\nr", "\nx", StringComparison.Ordinal);
        var second = await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(csv), "b.csv", BatchSource.Api);
        await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(csv.Replace("\nx", "\nz", StringComparison.Ordinal)), "c.csv", BatchSource.Api);

        var result = await h.Labels.UploadAsync(product.Id, TestSchemas.Utf8("id,cnt\nr7,70\nx3,30\nr1,10\nx30,300\n"), "labels.csv", default);

        Assert.Equal(4, result.Rows);
        Assert.Equal(4, result.PredictionsLabelled);
        Assert.Equal([first.Id, second.Id], result.Batches);
        await using var db = await h.DbFactory.CreateDbContextAsync();
        var labelled = await db.Predictions.Where(p => p.Label != null).OrderBy(p => p.RowKey).Select(p => new { p.BatchId, p.RowKey, p.Label }).ToListAsync();
        Assert.Equal([(first.Id, "r1", 10.0), (first.Id, "r7", 70.0), (second.Id, "x3", 30.0), (second.Id, "x30", 300.0)],
            labelled.Select(p => (p.BatchId, p.RowKey, p.Label!.Value)));
    }

    [Fact]
    public async Task Upload_OldBatch_RecomputesItAndTheWindowsThatHoldIt_NotTheRest()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var batches = new List<int>();
        for (var b = 0; b < 7; b++)
        {
            var csv = TestSchemas.RegressionCsv(20, seed: 40 + b, withLabel: false).Replace("\nr", $"\nb{b}r", StringComparison.Ordinal);
            batches.Add((await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(csv), $"b{b}.csv", BatchSource.Api)).Id);
        }
        string LabelsOf(int b, double value) => "id,cnt\n" + string.Concat(Enumerable.Range(1, 20).Select(i => string.Create(CultureInfo.InvariantCulture, $"b{b}r{i},{value}\n")));
        for (var b = 0; b < 7; b++)
            await h.Labels.UploadAsync(product.Id, TestSchemas.Utf8(LabelsOf(b, 10 + b)), $"l{b}.csv", default);
        async Task<Dictionary<int, (long RunId, double Window)>> RunsAsync()
        {
            await using var db = await h.DbFactory.CreateDbContextAsync();
            var runs = await db.MetricRuns.AsNoTracking().Where(r => r.Kind == "performance").ToListAsync();
            var windows = await db.MetricPoints.AsNoTracking().Where(p => p.MetricKey == PerformancePoints.WindowValue).ToListAsync();
            return runs.ToDictionary(r => r.BatchId!.Value, r => (r.Id, windows.SingleOrDefault(w => w.MetricRunId == r.Id)?.Value ?? double.NaN));
        }
        var before = await RunsAsync();

        // New labels for batch 1: batches 1-4 hold it in their window of 4; batches 0, 5 and 6 do not.
        await h.Labels.UploadAsync(product.Id, TestSchemas.Utf8(LabelsOf(1, 500)), "again.csv", default);
        var after = await RunsAsync();

        foreach (var b in new[] { 0, 5, 6 })
            Assert.Equal(before[batches[b]], after[batches[b]]);
        foreach (var b in new[] { 1, 2, 3, 4 })
        {
            Assert.NotEqual(before[batches[b]].RunId, after[batches[b]].RunId);
            Assert.True(after[batches[b]].Window > before[batches[b]].Window + 50, $"batch {b}: window MAE {after[batches[b]].Window} after, {before[batches[b]].Window} before");
        }
    }
}
