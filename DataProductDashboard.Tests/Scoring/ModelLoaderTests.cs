using System.IO.Compression;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Scoring;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Scoring;

public sealed class ModelLoaderTests
{
    private static readonly Lazy<byte[]> RegressionZip = new(() => ModelTrainer.Train(
        CsvBatchReader.Read(TestSchemas.Utf8(TestSchemas.RegressionCsv(120)), "t.csv", TestSchemas.Regression, CsvReadMode.Training).Table,
        TestSchemas.Regression, TaskType.Regression, TrainerKind.FastTree).Zip);

    [Fact]
    public void Load_NotAZip_SaysItIsNotAZip()
    {
        var error = Assert.Throws<InputValidationException>(() => ModelLoader.Load("hello"u8.ToArray(), "model.zip", out _));

        Assert.Contains("'model.zip' is not a zip file", error.Errors["file"][0]);
    }

    [Fact]
    public void Load_ZipWithoutModel_SaysItIsNotAnMlNetModel()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("not a model");
        }

        var error = Assert.Throws<InputValidationException>(() => ModelLoader.Load(buffer.ToArray(), "other.zip", out _));

        Assert.Contains("is a zip but not an ML.NET model", error.Errors["file"][0]);
    }

    [Fact]
    public void Load_TruncatedModelZip_IsRejected()
    {
        var truncated = RegressionZip.Value[..(RegressionZip.Value.Length / 2)];

        var error = Assert.Throws<InputValidationException>(() => ModelLoader.Load(truncated, "cut.zip", out _));

        Assert.True(error.Errors.ContainsKey("file"));
    }

    [Fact]
    public void CheckFits_ProductWithoutAModelColumn_NamesTheMissingColumn()
    {
        var model = ModelLoader.Load(RegressionZip.Value, "m.zip", out var input);
        var schema = TestSchemas.Regression with { Columns = [.. TestSchemas.Regression.Columns.Where(c => c.Name != "hum")] };

        var error = Assert.Throws<InputValidationException>(() => ModelLoader.CheckFits(model, input, schema, TaskType.Regression));

        Assert.Contains("the model needs column 'hum'", error.Errors["column 'hum'"][0]);
    }

    [Fact]
    public void CheckFits_ColumnOfAnotherType_NamesTheColumnAndBothTypes()
    {
        var model = ModelLoader.Load(RegressionZip.Value, "m.zip", out var input);
        var schema = TestSchemas.Regression with
        {
            Columns = [.. TestSchemas.Regression.Columns.Select(c => c.Name == "temp" ? c with { Kind = ColumnKind.Categorical, Min = null, Max = null } : c)],
        };

        var error = Assert.Throws<InputValidationException>(() => ModelLoader.CheckFits(model, input, schema, TaskType.Regression));

        Assert.Contains("the model reads 'temp' as Single (float), but the product schema declares it Categorical (text)", error.Errors["column 'temp'"][0]);
    }

    [Fact]
    public void CheckFits_RegressionModelForBinaryProduct_SaysTheOutputIsWrong()
    {
        var model = ModelLoader.Load(RegressionZip.Value, "m.zip", out var input);
        var schema = TestSchemas.Regression with { PositiveClass = "1" };

        var error = Assert.Throws<InputValidationException>(() => ModelLoader.CheckFits(model, input, schema, TaskType.BinaryClassification));

        Assert.True(error.Errors.ContainsKey("model.output") || error.Errors.Keys.Any(k => k.Contains("cnt", StringComparison.Ordinal)), string.Join("; ", error.Errors.Keys));
    }
}
