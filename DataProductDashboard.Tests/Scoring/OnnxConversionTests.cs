using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Scoring;
using DataProductDashboard.Scoring.Onnx;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.ML;

namespace DataProductDashboard.Tests.Scoring;

/// <summary>An ML.NET model converted to ONNX with Microsoft.ML.OnnxConverter scores like the zip it came from, through
/// the same upload check and scorer as any ONNX model.</summary>
public sealed class OnnxConversionTests
{
    private static (ColumnTable Train, ColumnTable Score) Tables(ProductSchema schema, string train, string score) =>
        (CsvBatchReader.Read(TestSchemas.Utf8(train), "train.csv", schema, CsvReadMode.Training, TimeZoneInfo.Utc, default).Table,
         CsvBatchReader.Read(TestSchemas.Utf8(score), "score.csv", schema, CsvReadMode.Batch, TimeZoneInfo.Utc, default).Table);

    private static byte[] Convert(byte[] zip, ColumnTable table, ProductSchema schema, TaskType task)
    {
        var ml = new MLContext(seed: 1);
        using var input = new MemoryStream(zip);
        var model = ml.Model.Load(input, out _);
        using var onnx = new MemoryStream();
        ml.Model.ConvertToOnnx(model, new ColumnarDataView(table, schema, task, 0, Math.Min(table.RowCount, 10)), onnx);
        return onnx.ToArray();
    }

    [Theory]
    [InlineData(TrainerKind.FastTree)]
    [InlineData(TrainerKind.Sdca)]
    public void Score_ConvertedRegressionModel_EqualsTheZipWithin1e5(TrainerKind trainer)
    {
        var schema = TestSchemas.Regression;
        var (train, score) = Tables(schema, TestSchemas.RegressionCsv(300, seed: 3), TestSchemas.RegressionCsv(150, seed: 9, withLabel: false));
        var trained = ModelTrainer.Train(train, schema, TaskType.Regression, trainer, seed: 5);

        using var onnx = OnnxInspector.Resolve(Convert(trained.Zip, train, schema, TaskType.Regression), "converted.onnx", schema, TaskType.Regression,
            featureOrder: null, labelOutput: null, scoreOutput: "Score.output");

        var expected = ModelPackage.Load(trained.Zip, "model.zip").Score(score, schema, TaskType.Regression, null, default).Predicted;
        var actual = onnx.Score(score, schema, TaskType.Regression, null, default).Predicted;
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], actual[i], 1e-5 * Math.Max(1, Math.Abs(expected[i])));
    }

    [Fact]
    public void Score_ConvertedBinaryModel_GivesTheZipsProbabilitiesAndClasses()
    {
        var schema = TestSchemas.Binary;
        var (train, score) = Tables(schema, TestSchemas.BinaryCsv(400, seed: 3), TestSchemas.BinaryCsv(150, seed: 9, withLabel: false));
        var trained = ModelTrainer.Train(train, schema, TaskType.BinaryClassification, TrainerKind.FastTree, seed: 5);

        using var onnx = OnnxInspector.Resolve(Convert(trained.Zip, train, schema, TaskType.BinaryClassification), "converted.onnx", schema,
            TaskType.BinaryClassification, featureOrder: null, labelOutput: null, scoreOutput: "Probability.output");

        var expected = ModelPackage.Load(trained.Zip, "model.zip").Score(score, schema, TaskType.BinaryClassification, null, default);
        var actual = onnx.Score(score, schema, TaskType.BinaryClassification, null, default);
        for (var i = 0; i < expected.Predicted.Length; i++)
            Assert.Equal(expected.Probability![i], actual.Probability![i], 1e-5);
        Assert.Equal(expected.Predicted, actual.Predicted);
    }
}
