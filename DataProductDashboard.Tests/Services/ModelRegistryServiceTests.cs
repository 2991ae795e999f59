using DataProductDashboard.Domain;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Storage;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Services;

public sealed class ModelRegistryServiceTests
{
    [Fact]
    public async Task Train_FirstVersion_BecomesChampionWithRecordedMetadata()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync(withModel: false);

        var version = await h.Registry.TrainAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(150)), "train.csv",
            new TrainModelRequest(TrainerKind.LightGbm, 0.25, 5, "first"), default);

        Assert.Equal(1, version.Number);
        Assert.Equal(ModelStatus.Champion, version.Status);
        Assert.Equal(ModelSource.TrainedInApp, version.Source);
        Assert.Contains("LightGbm", version.Trainer);
        Assert.Equal(150, version.TrainingRows + version.HoldoutRows);
        Assert.True(version.TrainingSeconds > 0);
        Assert.Contains("rmse", version.HoldoutMetrics.Keys);
        Assert.Equal(64, version.FileHash.Length);
        Assert.True(File.Exists(h.Store.PathFor(ContentStore.Models, version.FileHash, ".zip")));
        Assert.Equal(1, (await h.Products.GetAsync(product.Id, default)).ChampionVersion);
    }

    [Fact]
    public async Task Upload_SecondVersion_IsAChallengerUntilPromoted()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var zip = TrainedElsewhere(seed: 99);

        var v2 = await h.Registry.RegisterUploadAsync(product.Id, zip, "uploaded.zip", "from a notebook", default);
        // Shadow-scored from the start (Dashboard:ShadowNewVersions), so it has a history on the champion's rows.
        Assert.Equal(ModelStatus.Challenger, v2.Status);
        Assert.Equal(ModelSource.Uploaded, v2.Source);

        var promoted = await h.Registry.PromoteAsync(product.Id, 2, default);
        var versions = await h.Registry.ListAsync(product.Id, default);

        Assert.Equal(ModelStatus.Champion, promoted.Status);
        Assert.Equal(ModelStatus.Challenger, versions.Single(v => v.Number == 1).Status);
        Assert.Equal(2, (await h.Products.GetAsync(product.Id, default)).ChampionVersion);
        await Assert.ThrowsAsync<ConflictException>(() => h.Registry.PromoteAsync(product.Id, 2, default));
    }

    [Fact]
    public async Task Upload_SameZipTwice_IsAConflictNamingTheVersion()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var v1 = (await h.Registry.ListAsync(product.Id, default)).Single();
        var zip = await File.ReadAllBytesAsync(h.Store.PathFor(ContentStore.Models, v1.FileHash, ".zip"));

        var error = await Assert.ThrowsAsync<ConflictException>(() => h.Registry.RegisterUploadAsync(product.Id, zip, "again.zip", null, default));

        Assert.Contains("already registered as version 1", error.Message);
        Assert.Single(await h.Registry.ListAsync(product.Id, default));
    }

    /// <summary>A zip made outside the app (same schema, another seed), as a data scientist would upload.</summary>
    internal static byte[] TrainedElsewhere(int seed) => DataProductDashboard.Scoring.ModelTrainer.Train(
        DataProductDashboard.Ingestion.CsvBatchReader.Read(TestSchemas.Utf8(TestSchemas.RegressionCsv(150, seed)), "t.csv", TestSchemas.Regression,
            DataProductDashboard.Ingestion.CsvReadMode.Training).Table,
        TestSchemas.Regression, TaskType.Regression, TrainerKind.Sdca, seed: seed).Zip;

    [Fact]
    public async Task Upload_CorruptZip_StoresNothing()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync(withModel: false);

        var error = await Assert.ThrowsAsync<InputValidationException>(() => h.Registry.RegisterUploadAsync(product.Id, "PK-not-really"u8.ToArray(), "bad.zip", null, default));

        Assert.True(error.Errors.ContainsKey("file"));
        Assert.Empty(await h.Registry.ListAsync(product.Id, default));
        Assert.Empty(h.StoredFiles(ContentStore.Models));
    }

    [Fact]
    public async Task Upload_ModelOfAnotherProduct_NamesTheMissingColumns()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var regression = await h.CreateRegressionProductAsync();
        var binary = await h.Products.CreateAsync(new DataProductDashboard.Services.Products.CreateProductRequest("Risk", null, null, TaskType.BinaryClassification, TestSchemas.Binary), default);
        var zip = await File.ReadAllBytesAsync(h.Store.PathFor(ContentStore.Models, (await h.Registry.ListAsync(regression.Id, default)).Single().FileHash, ".zip"));

        var error = await Assert.ThrowsAsync<InputValidationException>(() => h.Registry.RegisterUploadAsync(binary.Id, zip, "wrong.zip", null, default));

        Assert.Contains("column 'temp'", error.Errors.Keys);
        Assert.Empty(await h.Registry.ListAsync(binary.Id, default));
    }

    [Fact]
    public async Task Promote_UnknownVersion_IsNotFound()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => h.Registry.PromoteAsync(product.Id, 9, default));
    }

    [Fact]
    public async Task Train_BinaryLabelWithoutAllowedValues_NamesTheNegativeClassFromTheTrainingLabels()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var schema = TestSchemas.Binary with { Columns = [.. TestSchemas.Binary.Columns.Select(c => c.Role == ColumnRole.Label ? c with { AllowedValues = null } : c)] };
        var product = await h.Products.CreateAsync(new DataProductDashboard.Services.Products.CreateProductRequest("Unnamed risk", "test", "tests", TaskType.BinaryClassification, schema), default);
        Assert.Equal(new ClassNames("not bad", "bad"), ClassNames.For(product.Schema));

        await h.Registry.TrainAsync(product.Id, TestSchemas.Utf8(TestSchemas.BinaryCsv(120)), "train.csv", new TrainModelRequest(TrainerKind.FastTree), default);

        var stored = await h.Products.GetAsync(product.Id, default);
        Assert.Equal("good", stored.Schema.NegativeClass);
        Assert.Equal(new ClassNames("good", "bad"), ClassNames.For(stored.Schema));
    }

    [Fact]
    public async Task Train_BinaryLabelWithAllowedValues_StoresNoNegativeClass()
    {
        await using var h = await ServiceHarness.CreateAsync();

        var product = await h.CreateBinaryProductAsync();

        Assert.Null(product.Schema.NegativeClass);
        Assert.Equal(new ClassNames("good", "bad"), ClassNames.For(product.Schema));
    }
}
