using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Scoring;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Scoring;

public sealed class ModelTrainerTests
{
    private static ColumnTable Regression(int rows, int seed = 7) =>
        CsvBatchReader.Read(TestSchemas.Utf8(TestSchemas.RegressionCsv(rows, seed)), "t.csv", TestSchemas.Regression, CsvReadMode.Training).Table;

    private static ColumnTable Binary(int rows) =>
        CsvBatchReader.Read(TestSchemas.Utf8(TestSchemas.BinaryCsv(rows)), "t.csv", TestSchemas.Binary, CsvReadMode.Training).Table;

    [Theory]
    [InlineData(TrainerKind.FastTree)]
    [InlineData(TrainerKind.LightGbm)]
    [InlineData(TrainerKind.Sdca)]
    [InlineData(TrainerKind.FastForest)]
    public void Train_Regression_LearnsTheSignalAndReportsHoldoutMetrics(TrainerKind trainer)
    {
        var model = ModelTrainer.Train(Regression(400), TestSchemas.Regression, TaskType.Regression, trainer);

        Assert.True(model.HoldoutMetrics["r2"] > 0.8, $"R² {model.HoldoutMetrics["r2"]}");
        Assert.True(model.HoldoutMetrics["rmse"] > 0);
        Assert.Equal(400, model.TrainingRows + model.HoldoutRows);
        Assert.InRange(model.HoldoutRows, 40, 130);
        Assert.True(model.Zip.Length > 0);
        Assert.Contains(trainer.ToString(), model.Trainer);
    }

    [Fact]
    public void Train_RowsWithoutALabel_AreLeftOutOfTrainingAndHoldout()
    {
        var schema = TestSchemas.Binary with
        {
            Columns = TestSchemas.Binary.Columns.Select(c => c.Role == ColumnRole.Label ? c with { Nullable = true } : c).ToList(),
            MissingMarkers = ["?"],
        };
        var lines = TestSchemas.BinaryCsv(300).TrimEnd('\n').Split('\n');
        // Every third row's label becomes '?' (missing): 100 of 300.
        var marked = lines.Take(1).Concat(lines.Skip(1).Select((l, i) => i % 3 == 0 ? l[..l.LastIndexOf(',')] + ",?" : l));
        var table = CsvBatchReader.Read(TestSchemas.Utf8(string.Join('\n', marked) + "\n"), "t.csv", schema, CsvReadMode.Training).Table;

        var model = ModelTrainer.Train(table, schema, TaskType.BinaryClassification, TrainerKind.FastTree);

        Assert.Equal(200, model.TrainingRows + model.HoldoutRows);
    }

    [Theory]
    [InlineData(TrainerKind.FastTree)]
    [InlineData(TrainerKind.LightGbm)]
    [InlineData(TrainerKind.Sdca)]
    public void Train_Binary_BeatsChanceOnHoldout(TrainerKind trainer)
    {
        var model = ModelTrainer.Train(Binary(600), TestSchemas.Binary, TaskType.BinaryClassification, trainer);

        Assert.True(model.HoldoutMetrics["roc_auc"] > 0.75, $"AUC {model.HoldoutMetrics["roc_auc"]}");
        Assert.InRange(model.HoldoutMetrics["accuracy"], 0.6, 1.0);
        Assert.Contains("log_loss", model.HoldoutMetrics.Keys);
    }

    [Fact]
    public void Train_LabelsUnrelatedToTheInputs_HoldoutLogLossIsNearLn2InNaturalUnits()
    {
        // A logistic regression that can learn nothing predicts about 0.5 for everyone: a log loss of ln 2 ≈ 0.693 in
        // natural-log units (sklearn, and the production batches) — 1.0 if it were in bits, as ML.NET reports it.
        var random = new Random(5);
        var lines = TestSchemas.BinaryCsv(800).TrimEnd('\n').Split('\n');
        var shuffled = lines.Take(1).Concat(lines.Skip(1).Select(l => l[..l.LastIndexOf(',')] + (random.Next(2) == 0 ? ",good" : ",bad")));
        var table = CsvBatchReader.Read(TestSchemas.Utf8(string.Join('\n', shuffled) + "\n"), "t.csv", TestSchemas.Binary, CsvReadMode.Training).Table;

        var model = ModelTrainer.Train(table, TestSchemas.Binary, TaskType.BinaryClassification, TrainerKind.Sdca);

        Assert.InRange(model.HoldoutMetrics["log_loss"], 0.6, 0.8);
    }

    [Fact]
    public void TimeOrdered_ProductWithAnEventTime_PutsTheRowsInTimeOrderSoTheHoldoutIsTheLatest()
    {
        var table = Regression(60);

        var ordered = ModelTrainer.TimeOrdered(table, TestSchemas.Regression)!;

        var days = ordered.Timestamps("day");
        Assert.Equal(60, ordered.RowCount);
        Assert.True(days.Zip(days.Skip(1)).All(p => p.First <= p.Second));
        Assert.Null(ModelTrainer.TimeOrdered(table, TestSchemas.Regression with { Columns = TestSchemas.Regression.Columns.Where(c => c.Role != ColumnRole.EventTime).ToList() }));
    }

    [Fact]
    public void Train_SameSeed_GivesTheSameModel()
    {
        var a = ModelTrainer.Train(Regression(200), TestSchemas.Regression, TaskType.Regression, TrainerKind.FastTree, seed: 3);
        var b = ModelTrainer.Train(Regression(200), TestSchemas.Regression, TaskType.Regression, TrainerKind.FastTree, seed: 3);

        Assert.Equal(a.HoldoutMetrics["rmse"], b.HoldoutMetrics["rmse"]);
    }

    [Fact]
    public void Train_TooFewRows_SaysHowManyAreNeeded()
    {
        var error = Assert.Throws<InputValidationException>(() => ModelTrainer.Train(Regression(10), TestSchemas.Regression, TaskType.Regression, TrainerKind.FastTree));

        Assert.Contains("at least 20 labelled rows", error.Message);
    }

    [Fact]
    public void Train_SavedZip_LoadsAndFitsTheSchema()
    {
        var model = ModelTrainer.Train(Regression(200), TestSchemas.Regression, TaskType.Regression, TrainerKind.Sdca);

        var loaded = ModelLoader.Load(model.Zip, "m.zip", out var input);
        ModelLoader.CheckFits(loaded, input, TestSchemas.Regression, TaskType.Regression);
    }
}
