using System.Globalization;
using DataProductDashboard.Analysis.Performance;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Services;

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
}
