using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Scoring;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.ML.Data;

namespace DataProductDashboard.Tests.Scoring;

public sealed class ModelScorerTests
{
    [Fact]
    public void Score_Regression_GivesOneFinitePredictionPerRowWithLatency()
    {
        var trained = ModelTrainer.Train(
            CsvBatchReader.Read(TestSchemas.Utf8(TestSchemas.RegressionCsv(300)), "t.csv", TestSchemas.Regression, CsvReadMode.Training).Table,
            TestSchemas.Regression, TaskType.Regression, TrainerKind.FastTree);
        var model = ModelLoader.Load(trained.Zip, "m.zip", out _);
        var batch = CsvBatchReader.Read(TestSchemas.Utf8(TestSchemas.RegressionCsv(70_000, seed: 99, withLabel: false)), "b.csv", TestSchemas.Regression, CsvReadMode.Batch);

        var result = ModelScorer.Score(model, batch.Table, TestSchemas.Regression, TaskType.Regression);

        Assert.Equal(70_000, result.Predicted.Length);
        Assert.All(result.Predicted, p => Assert.True(float.IsFinite(p)));
        Assert.Null(result.Probability);
        Assert.True(result.LatencyMicros.P50 > 0);
        Assert.True(result.LatencyMicros.P50 <= result.LatencyMicros.P95 && result.LatencyMicros.P95 <= result.LatencyMicros.P99);
    }

    [Fact]
    public void Score_ManySmallTablesAtOnce_EqualsEachScoredAloneThroughTransform()
    {
        // Batches scored at the same time through the row-to-row path give exactly what ML.NET's own Transform gives
        // for each alone.
        var trained = ModelTrainer.Train(
            CsvBatchReader.Read(TestSchemas.Utf8(TestSchemas.BinaryCsv(400)), "t.csv", TestSchemas.Binary, CsvReadMode.Training).Table,
            TestSchemas.Binary, TaskType.BinaryClassification, TrainerKind.FastTree);
        var model = ModelLoader.Load(trained.Zip, "m.zip", out _);
        var batches = Enumerable.Range(0, 12).Select(i =>
            CsvBatchReader.Read(TestSchemas.Utf8(TestSchemas.BinaryCsv(300 + i, seed: 40 + i, withLabel: false)), "b.csv", TestSchemas.Binary, CsvReadMode.Batch).Table).ToList();
        var alone = batches.Select(b => TransformScores(model, b)).ToList();

        var together = new ScoreResult[batches.Count];
        Parallel.For(0, batches.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            together[i] = ModelScorer.Score(model, batches[i], TestSchemas.Binary, TaskType.BinaryClassification));

        for (var i = 0; i < batches.Count; i++)
        {
            Assert.Equal(alone[i].Predicted, together[i].Predicted);
            Assert.Equal(alone[i].Probability, together[i].Probability);
        }
    }

    private static (float[] Predicted, float[] Probability) TransformScores(Microsoft.ML.ITransformer model, ColumnTable table)
    {
        var view = new ColumnarDataView(table, TestSchemas.Binary, TaskType.BinaryClassification);
        var scored = model.Transform(view);
        var predicted = scored.GetColumn<bool>("PredictedLabel").Select(b => b ? 1f : 0f).ToArray();
        var probability = scored.GetColumn<float>("Probability").ToArray();
        return (predicted, probability);
    }

    [Fact]
    public void Score_ChunkedParallel_EqualsRowByRowOrder()
    {
        var trained = ModelTrainer.Train(
            CsvBatchReader.Read(TestSchemas.Utf8(TestSchemas.RegressionCsv(300)), "t.csv", TestSchemas.Regression, CsvReadMode.Training).Table,
            TestSchemas.Regression, TaskType.Regression, TrainerKind.Sdca);
        var model = ModelLoader.Load(trained.Zip, "m.zip", out _);
        var batch = CsvBatchReader.Read(TestSchemas.Utf8(TestSchemas.RegressionCsv(140_000, seed: 5, withLabel: false)), "b.csv", TestSchemas.Regression, CsvReadMode.Batch);
        var first = new ColumnTable(1);
        foreach (var name in new[] { "temp", "hum" })
            first.AddNumeric(name, [batch.Table.Numeric(name)[100_000]]);
        first.AddStrings("season", [batch.Table.Strings("season")[100_000]]);

        var all = ModelScorer.Score(model, batch.Table, TestSchemas.Regression, TaskType.Regression);
        var single = ModelScorer.Score(model, first, TestSchemas.Regression, TaskType.Regression);

        Assert.Equal(single.Predicted[0], all.Predicted[100_000]);
    }

    [Fact]
    public void Score_Binary_GivesClassAndProbabilityConsistentWithThreshold()
    {
        var trained = ModelTrainer.Train(
            CsvBatchReader.Read(TestSchemas.Utf8(TestSchemas.BinaryCsv(400)), "t.csv", TestSchemas.Binary, CsvReadMode.Training).Table,
            TestSchemas.Binary, TaskType.BinaryClassification, TrainerKind.LightGbm);
        var model = ModelLoader.Load(trained.Zip, "m.zip", out _);
        var batch = CsvBatchReader.Read(TestSchemas.Utf8(TestSchemas.BinaryCsv(500, seed: 3, withLabel: false)), "b.csv", TestSchemas.Binary, CsvReadMode.Batch);

        var result = ModelScorer.Score(model, batch.Table, TestSchemas.Binary, TaskType.BinaryClassification);

        Assert.NotNull(result.Probability);
        Assert.All(result.Predicted, p => Assert.True(p is 0f or 1f));
        Assert.All(result.Probability!, p => Assert.InRange(p, 0f, 1f));
        Assert.Contains(1f, result.Predicted);
        Assert.Contains(0f, result.Predicted);
    }

    [Fact]
    public void LatencyPercentiles_IgnoreUnmeasuredRowsAndInterpolateLikeNumpy()
    {
        // numpy.percentile([1, 2, 3, 4, 10], [50, 95, 99]) = [3.0, 8.8, 9.76]
        var result = LatencyPercentiles.From([float.NaN, 4, 1, 10, 3, 2]);

        Assert.Equal(3.0, result.P50, 6);
        Assert.Equal(8.8, result.P95, 5);
        Assert.Equal(9.76, result.P99, 5);
    }
}
