using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Scoring;
using DataProductDashboard.Tests.Api;

namespace DataProductDashboard.Tests.Scoring;

public sealed class ErrorModelTests
{
    [Fact]
    public void Train_Regression_AlsoTrainsAnErrorModelThatScoresWithTheProductsFeatures()
    {
        var csv = EstimationApiTests.Csv(1200, seed: 1, firstId: 1, from: 0, to: 10).Csv; // a hold-out of 240 rows: enough for an error model
        var table = CsvBatchReader.Read(TestSupport.TestSchemas.Utf8(csv), "train.csv", EstimationApiTests.Schema, CsvReadMode.Training).Table;

        var trained = ModelTrainer.Train(table, EstimationApiTests.Schema, TaskType.Regression, TrainerKind.FastTree);

        Assert.NotNull(trained.ErrorModel);
        Assert.NotNull(trained.SquaredErrorModel);
        Assert.NotNull(trained.Holdout);
        var model = ModelPackage.Load(trained.ErrorModel!, "error.zip");
        table.AddNumeric(ModelTrainer.ErrorModelPrediction, [.. Enumerable.Repeat(5.0, table.RowCount)]);
        var errors = ModelScorer.Score(model, table, ModelTrainer.ErrorModelSchema(EstimationApiTests.Schema), TaskType.Regression, null, default).Predicted;
        Assert.Equal(table.RowCount, errors.Length);
        Assert.All(errors, e => Assert.True(float.IsFinite(e)));
        var squared = ModelScorer.Score(ModelPackage.Load(trained.SquaredErrorModel!, "squared.zip"), table, ModelTrainer.ErrorModelSchema(EstimationApiTests.Schema),
            TaskType.Regression, null, default).Predicted;
        Assert.Equal(table.RowCount, squared.Length);
        Assert.All(squared, e => Assert.True(float.IsFinite(e)));
    }
}
