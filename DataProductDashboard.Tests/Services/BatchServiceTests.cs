using DataProductDashboard.Analysis;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Storage;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Tests.Services;

public sealed class BatchServiceTests
{
    [Fact]
    public async Task Import_ValidBatch_StoresBatchPredictionsFileAndMetricPoints()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var csv = TestSchemas.Utf8(TestSchemas.RegressionCsv(500, seed: 21, withLabel: false));

        var batch = await h.Importer.ImportAsync(product.Id, csv, "week-1.csv", BatchSource.Api);

        Assert.Equal(500, batch.RowCount);
        Assert.Equal(BatchStatus.Analyzed, batch.Status);
        Assert.Equal(1, batch.ModelVersion);
        Assert.Equal(ContentStore.Hash(csv), batch.FileHash);
        Assert.True(File.Exists(h.Store.PathFor(ContentStore.Batches, batch.FileHash, ".csv")));
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), batch.EventTimeFrom);
        Assert.Equal(new DateTime(2024, 1, 28, 0, 0, 0, DateTimeKind.Utc), batch.EventTimeTo);
        Assert.True(batch.LatencyP99Micros >= batch.LatencyP50Micros && batch.LatencyP50Micros > 0);
        Assert.Equal(500, await h.CountAsync(db => db.Predictions.Where(p => p.BatchId == batch.Id)));
        var points = await h.CountAsync(db => db.MetricPoints.Where(p => p.BatchId == batch.Id && p.MetricKey == MetricKeys.PredictionMean));
        Assert.Equal(1, points);
    }

    [Fact]
    public async Task Import_TrainedChampion_AuditsAgainstItsTrainingDataAndStoresHistory()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var csv = TestSchemas.RegressionCsv(300, seed: 31, withLabel: false);
        var shifted = string.Join('\n', csv.Split('\n').Select((line, i) => i == 0 || line.Length == 0 ? line : Shift(line, blankHumidity: i % 4 == 0)));

        var batch = await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(shifted), "hot.csv", BatchSource.Api);
        var detail = await h.Batches.GetDetailAsync(batch.Id, default);

        var audit = Assert.IsType<AuditResult>(detail.Audit);
        Assert.Equal(3, audit.Drift.Columns);
        Assert.True(audit.Drift.ColumnResults.Single(c => c.Column == "temp").Drift);
        Assert.Equal(0.25, audit.Quality.Columns.Single(c => c.Column == "hum").MissingShare, 2);
        Assert.NotNull(audit.Drift.Prediction);
        var points = await h.CountAsync(db => db.MetricPoints.Where(p => p.BatchId == batch.Id && p.MetricKey == AuditPoints.ColumnDriftScore));
        Assert.Equal(3, points);
    }

    private static string Shift(string line, bool blankHumidity)
    {
        var cells = line.Split(',');
        cells[2] = (double.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture) + 25).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (blankHumidity)
            cells[3] = "";
        return string.Join(',', cells);
    }

    [Fact]
    public async Task Import_PredictionsAreKeyedByTheRowKeyColumnInFileOrder()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var batch = await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(5, seed: 2, withLabel: false, firstId: 100)), "b.csv", BatchSource.Api);

        var page = await h.Batches.GetPredictionsAsync(batch.Id, 1, 10, default);

        Assert.Equal(["r100", "r101", "r102", "r103", "r104"], page.Items.Select(p => p.RowKey));
        Assert.Equal(5, page.TotalCount);
        Assert.All(page.Items, p => Assert.Null(p.Label));
    }

    [Fact]
    public async Task Import_BatchWithLabels_StoresTheLabels()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var batch = await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(20, seed: 4)), "b.csv", BatchSource.Api);

        var page = await h.Batches.GetPredictionsAsync(batch.Id, 1, 20, default);

        Assert.Equal(20, batch.LabelledRows);
        Assert.All(page.Items, p => Assert.NotNull(p.Label));
    }

    [Fact]
    public async Task Import_BinaryProduct_StoresClassAndProbabilityAndPositiveShare()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateBinaryProductAsync();

        var batch = await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.BinaryCsv(200, seed: 8, withLabel: false)), "b.csv", BatchSource.Ui);
        var detail = await h.Batches.GetDetailAsync(batch.Id, default);

        Assert.NotNull(detail.Predictions?.PositiveShare);
        Assert.InRange(detail.Predictions!.PositiveShare!.Value, 0.01, 0.99);
        Assert.Equal(20, detail.Predictions.Histogram.Counts.Length);
        Assert.Equal(200, detail.Predictions.Histogram.Counts.Sum());
        var rows = await h.Batches.GetPredictionsAsync(batch.Id, 1, 200, default);
        Assert.All(rows.Items, r => Assert.InRange(r.Score!.Value, 0, 1));
    }

    [Fact]
    public async Task Import_InvalidCsv_StoresNothingAndKeepsEarlierBatches()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(50, withLabel: false)), "good.csv", BatchSource.Api);
        var files = h.StoredFiles(ContentStore.Batches).Count();

        var bad = TestSchemas.RegressionHeader + "\nr1,2024-01-01,abc,0.5,summer\n";
        var error = await Assert.ThrowsAsync<InputValidationException>(() => h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(bad), "bad.csv", BatchSource.Api));

        Assert.Equal("'abc' is not a number", error.Errors["row 2, column 'temp'"][0]);
        Assert.Equal(1, await h.CountAsync(db => db.Batches));
        Assert.Equal(50, await h.CountAsync(db => db.Predictions));
        Assert.Equal(files, h.StoredFiles(ContentStore.Batches).Count());
    }

    [Fact]
    public async Task Import_FailureWhileStoring_RollsBackAndRemovesTheNewFile()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        using var file = await h.UploadAsync(TestSchemas.RegressionCsv(100, withLabel: false), "b.csv");
        var prepared = await h.Importer.PrepareAsync(product.Id, file, BatchSource.Api, null, default);
        using var cancel = new CancellationTokenSource();
        var progress = new SyncProgress<ImportProgress>(p =>
        {
            if (p.Stage == ImportStage.Storing)
                cancel.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Importer.ImportAsync(prepared, jobId: null, progress, cancel.Token));

        Assert.Equal(0, await h.CountAsync(db => db.Batches));
        Assert.Equal(0, await h.CountAsync(db => db.Predictions));
        Assert.Equal(0, await h.CountAsync(db => db.MetricPoints));
        Assert.Empty(h.StoredFiles(ContentStore.Batches));
    }

    [Fact]
    public async Task Import_ProductWithoutModel_SaysToRegisterOneFirst()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync(withModel: false);

        var error = await Assert.ThrowsAsync<ConflictException>(() => h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(5, withLabel: false)), "b.csv", BatchSource.Api));

        Assert.Contains("has no model version yet", error.Message);
    }

    [Fact]
    public async Task Import_UnknownProduct_IsNotFound()
    {
        await using var h = await ServiceHarness.CreateAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => h.Importer.ImportAsync(999, TestSchemas.Utf8("x"), "b.csv", BatchSource.Api));
    }

    [Fact]
    public async Task List_DefaultSort_IsNewestFirstAndPaged()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        for (var i = 0; i < 3; i++)
        {
            await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(10 + i, seed: i, withLabel: false)), $"b{i}.csv", BatchSource.Api,
                new DateTime(2024, 1, 1 + i, 0, 0, 0, DateTimeKind.Utc));
        }

        var page = await h.Batches.ListAsync(product.Id, 1, 2, BatchSort.ReceivedAt, descending: true, default);
        var byRows = await h.Batches.ListAsync(product.Id, 1, 3, BatchSort.Rows, descending: false, default);

        Assert.Equal(3, page.TotalCount);
        Assert.Equal(["b2.csv", "b1.csv"], page.Items.Select(b => b.FileName));
        Assert.Equal([10, 11, 12], byRows.Items.Select(b => b.RowCount));
    }

    [Fact]
    public async Task Intake_LargeBatch_IsQueuedAndReportsProgressUntilStored()
    {
        await using var h = await ServiceHarness.CreateAsync(backgroundBatchRows: 100);
        var product = await h.CreateRegressionProductAsync();

        using var file = await h.UploadAsync(TestSchemas.RegressionCsv(300, withLabel: false), "big.csv");
        var result = await h.Intake.SubmitAsync(product.Id, file, BatchSource.Api, allowDuplicate: false, null, default);

        Assert.Null(result.Batch);
        var job = Assert.IsType<DataProductDashboard.Services.Jobs.JobStatus>(result.Job);
        Assert.Equal(300, job.RowsTotal);
        Assert.Equal(JobState.Queued, (await h.Jobs.GetAsync(job.Id, default))!.State);
        Assert.Equal(0, await h.CountAsync(db => db.Batches));
        var done = await h.RunJobAsync(job.Id);
        Assert.Equal(JobState.Succeeded, done.State);
        Assert.Equal(1, done.Attempts);
        Assert.Equal(300, done.RowsDone);
        Assert.Equal(300, (await h.Batches.GetSummaryAsync(done.BatchId!.Value, default)).RowCount);
    }

    [Fact]
    public async Task Intake_SmallBatch_IsStoredInline()
    {
        await using var h = await ServiceHarness.CreateAsync(backgroundBatchRows: 100);
        var product = await h.CreateRegressionProductAsync();
        var stages = new List<ImportStage>();

        using var file = await h.UploadAsync(TestSchemas.RegressionCsv(99, withLabel: false), "small.csv");
        var result = await h.Intake.SubmitAsync(product.Id, file, BatchSource.Ui, allowDuplicate: false,
            new SyncProgress<ImportProgress>(p => stages.Add(p.Stage)), default);

        Assert.Equal(99, result.Batch!.RowCount);
        Assert.Null(result.Job);
        Assert.Equal(ImportStage.Queued, stages[0]);
        Assert.Equal(ImportStage.Parsing, stages[1]);
        Assert.Equal(ImportStage.Done, stages[^1]);
        Assert.Contains(ImportStage.Storing, stages);
    }

    [Fact]
    public async Task WritePredictionsCsv_WritesHeaderAndOneLinePerRow()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var batch = await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(7, withLabel: false)), "b.csv", BatchSource.Api);
        using var output = new MemoryStream();

        await h.Exports.WritePredictionsCsvAsync(batch.Id, output, default);

        var lines = System.Text.Encoding.UTF8.GetString(output.ToArray()).TrimEnd().Split('\n');
        Assert.Equal("row_index,row_key,predicted,score,label", lines[0]);
        Assert.Equal(8, lines.Length);
        Assert.StartsWith("0,r1,", lines[1]);
    }

    [Fact]
    public async Task WritePredictionsCsv_BinaryProduct_AddsClassNamesBesideTheNumbers()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateBinaryProductAsync();
        var batch = await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.BinaryCsv(20, seed: 5)), "b.csv", BatchSource.Api);
        using var output = new MemoryStream();

        await h.Exports.WritePredictionsCsvAsync(batch.Id, output, default);

        var lines = System.Text.Encoding.UTF8.GetString(output.ToArray()).TrimEnd().Split('\n');
        Assert.Equal("row_index,row_key,predicted,score,label,predicted_class,label_class", lines[0]);
        Assert.Equal(21, lines.Length);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            Assert.Equal(cells[2] == "1" ? "bad" : "good", cells[5]);
            Assert.Equal(cells[4] == "1" ? "bad" : "good", cells[6]);
        }
    }

    [Fact]
    public async Task WritePredictionsCsv_BinaryRowsWithoutLabels_LeaveTheLabelClassEmpty()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateBinaryProductAsync();
        var batch = await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.BinaryCsv(5, seed: 6, withLabel: false)), "b.csv", BatchSource.Api);
        using var output = new MemoryStream();

        await h.Exports.WritePredictionsCsvAsync(batch.Id, output, default);

        var rows = System.Text.Encoding.UTF8.GetString(output.ToArray()).TrimEnd().Split('\n').Skip(1).Select(l => l.TrimEnd('\r').Split(',')).ToList();
        Assert.All(rows, cells => Assert.Equal(("", ""), (cells[4], cells[6])));
        Assert.All(rows, cells => Assert.Contains(cells[5], (string[])["good", "bad"]));
    }

    [Fact]
    public async Task GetPredictions_BinaryAndRegression_NameClassesOnlyForBinary()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var binary = await h.CreateBinaryProductAsync();
        var regression = await h.CreateRegressionProductAsync();
        var binaryBatch = await h.Importer.ImportAsync(binary.Id, TestSchemas.Utf8(TestSchemas.BinaryCsv(10, seed: 8)), "b.csv", BatchSource.Api);
        var regressionBatch = await h.Importer.ImportAsync(regression.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(5, withLabel: false)), "r.csv", BatchSource.Api);

        var named = await h.Batches.GetPredictionsAsync(binaryBatch.Id, 1, 10, default);
        var numbers = await h.Batches.GetPredictionsAsync(regressionBatch.Id, 1, 5, default);

        Assert.All(named.Items, p => Assert.Equal(p.Predicted == 1 ? "bad" : "good", p.PredictedClass));
        Assert.All(named.Items, p => Assert.Equal(p.Label == 1 ? "bad" : "good", p.LabelClass));
        Assert.All(numbers.Items, p => Assert.Equal((null, null), (p.PredictedClass, p.LabelClass)));
    }
}
