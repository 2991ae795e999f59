using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Api;

/// <summary>ONNX models through POST /api/products/{id}/models, told apart from ML.NET zips by content; fixtures made by
/// Fixtures/onnx/generate_onnx_fixtures.py with python3-onnx, which also computed the predictions they must give.</summary>
public sealed class OnnxModelsApiTests : ApiTestBase, IAsyncLifetime
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "DataProductDashboard.Tests", "Fixtures", "onnx");
    private static readonly JsonElement Expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json"))).RootElement;

    private static readonly ProductSchema LogisticSchema = new(
    [
        new("id", ColumnKind.Id, ColumnRole.RowKey),
        new("x1", ColumnKind.Numeric), new("x2", ColumnKind.Numeric), new("x3", ColumnKind.Numeric),
        new("y", ColumnKind.Categorical, ColumnRole.Label, AllowedValues: ["0", "1"]),
    ], PositiveClass: "1");

    private readonly DashboardAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static MultipartFormDataContent Model(string file, params (string Name, string Value)[] fields) =>
        Multipart(File.ReadAllBytes(Path.Combine(Folder, file)), file, "application/octet-stream", fields);

    private async Task<(int Product, JsonElement Version)> RegisterAsync(string name, TaskType task, ProductSchema schema, string file,
        params (string Name, string Value)[] fields)
    {
        var client = _app.CreateClientWithRole(DashboardRoles.DataScientist);
        var product = await CreateProductAsync(_app.CreateClient(), name, task, schema);
        var response = await client.PostAsync($"/api/products/{product}/models", Model(file, fields));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (product, await response.Content.ReadFromJsonAsync<JsonElement>(Json));
    }

    private async Task<List<JsonElement>> ScoreAsync(int product, string csvFile)
    {
        var client = _app.CreateClient();
        var upload = await client.PostAsync($"/api/products/{product}/batches", CsvBody(File.ReadAllText(Path.Combine(Folder, csvFile))));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var batch = (await upload.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/batches/{batch}/predictions?pageSize=500", Json);
        return page.GetProperty("items").EnumerateArray().OrderBy(r => r.GetProperty("rowIndex").GetInt32()).ToList();
    }

    [Fact]
    public async Task Register_LogisticTensorModelWithFeatureOrder_StoresProbabilitiesEqualToTheReference()
    {
        var (product, version) = await RegisterAsync("ONNX credit", TaskType.BinaryClassification, LogisticSchema, "logreg_tensor.onnx", ("featureOrder", "x1, x2, x3"));

        Assert.Equal("Onnx", version.GetProperty("source").GetString());
        Assert.Equal(["x1", "x2", "x3"], version.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        var rows = await ScoreAsync(product, "binary_batch.csv");

        var probability = Expected.GetProperty("binaryProbability").EnumerateArray().Select(p => p.GetDouble()).ToList();
        var label = Expected.GetProperty("binaryLabel").EnumerateArray().Select(p => p.GetInt32()).ToList();
        Assert.Equal(probability.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(probability[i], rows[i].GetProperty("score").GetDouble(), 1e-5);
            Assert.Equal(label[i], (int)rows[i].GetProperty("predicted").GetDouble());
        }
    }

    [Fact]
    public async Task Register_ZipMapOutput_ReadsThePositiveClassFromTheMaps()
    {
        var (product, _) = await RegisterAsync("ONNX zipmap", TaskType.BinaryClassification, LogisticSchema, "zipmap_classifier.onnx", ("featureOrder", "x1,x2,x3"));

        var rows = await ScoreAsync(product, "binary_batch.csv");

        var probability = Expected.GetProperty("binaryProbability").EnumerateArray().Select(p => p.GetDouble()).ToList();
        for (var i = 0; i < rows.Count; i++)
            Assert.Equal(probability[i], rows[i].GetProperty("score").GetDouble(), 1e-5);
    }

    [Fact]
    public async Task Register_RegressionWithOneInputPerColumn_ScoresTheValues()
    {
        var (product, version) = await RegisterAsync("ONNX rentals", TaskType.Regression, TestSchemas.Regression, "regression_columns.onnx");

        Assert.Contains("output 'variable'", version.GetProperty("trainer").GetString());
        var rows = await ScoreAsync(product, "regression_batch.csv");

        var values = Expected.GetProperty("regressionValue").EnumerateArray().Select(p => p.GetDouble()).ToList();
        Assert.Equal(values.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
            Assert.Equal(values[i], rows[i].GetProperty("predicted").GetDouble(), 1e-4);
    }

    [Fact]
    public async Task Register_MulticlassZipMapModel_StoresTheClassAndItsProbability()
    {
        var (product, _) = await RegisterAsync("ONNX trips", TaskType.MulticlassClassification, MulticlassApiTests.Schema, "multiclass_zipmap.onnx",
            ("featureOrder", "distance,rain"));

        var rows = await ScoreAsync(product, "multiclass_batch.csv");

        var labels = Expected.GetProperty("multiclassLabel").EnumerateArray().Select(p => p.GetString()).ToList();
        var probability = Expected.GetProperty("multiclassProbability").EnumerateArray().Select(p => p.GetDouble()).ToList();
        Assert.Equal(labels.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(labels[i], rows[i].GetProperty("predictedClass").GetString());
            Assert.Equal(probability[i], rows[i].GetProperty("score").GetDouble(), 1e-5);
        }
    }

    [Fact]
    public async Task Register_TensorModelWithoutFeatureOrder_Answers400AskingForIt()
    {
        var client = _app.CreateClientWithRole(DashboardRoles.DataScientist);
        var product = await CreateProductAsync(_app.CreateClient(), "No order", TaskType.BinaryClassification, LogisticSchema);

        var problem = await ProblemAsync(await client.PostAsync($"/api/products/{product}/models", Model("logreg_tensor.onnx")), 400);

        Assert.Contains("featureOrder", problem.GetProperty("errors").GetProperty("input 'float_input'")[0].GetString());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/products/{product}/models", Json)).EnumerateArray());
    }

    [Fact]
    public async Task Register_FeatureOrderNamingAnUnknownColumn_Answers400NamingIt()
    {
        var client = _app.CreateClientWithRole(DashboardRoles.DataScientist);
        var product = await CreateProductAsync(_app.CreateClient(), "Bad order", TaskType.BinaryClassification, LogisticSchema);

        var problem = await ProblemAsync(await client.PostAsync($"/api/products/{product}/models", Model("logreg_tensor.onnx", ("featureOrder", "x1,x2,x9"))), 400);

        Assert.Contains("'x9', which is not a feature column", problem.GetProperty("errors").GetProperty("featureOrder.x9")[0].GetString());
    }

    [Fact]
    public async Task Register_FeatureOrderOfWrongLength_Answers400WithBothCounts()
    {
        var client = _app.CreateClientWithRole(DashboardRoles.DataScientist);
        var product = await CreateProductAsync(_app.CreateClient(), "Short order", TaskType.BinaryClassification, LogisticSchema);

        var problem = await ProblemAsync(await client.PostAsync($"/api/products/{product}/models", Model("logreg_tensor.onnx", ("featureOrder", "x1,x2"))), 400);

        Assert.Equal("featureOrder names 2 columns but input 'float_input' takes 3 features per row", problem.GetProperty("errors").GetProperty("featureOrder")[0].GetString());
    }

    [Fact]
    public async Task Register_MistypedInput_Answers400NamingTheInput()
    {
        var client = _app.CreateClientWithRole(DashboardRoles.DataScientist);
        var product = await CreateProductAsync(_app.CreateClient(), "Mistyped", TaskType.Regression, TestSchemas.Regression);

        var problem = await ProblemAsync(await client.PostAsync($"/api/products/{product}/models", Model("mistyped_input.onnx")), 400);

        Assert.Contains("'temp' is a numeric column", problem.GetProperty("errors").GetProperty("input 'temp'")[0].GetString());
    }

    [Fact]
    public async Task Register_ExtraInput_Answers400NamingIt()
    {
        var client = _app.CreateClientWithRole(DashboardRoles.DataScientist);
        // The regression model's inputs (temp, hum, season) against a product that has no "season" column.
        var schema = new ProductSchema([.. TestSchemas.Regression.Columns.Where(c => c.Name != "season")]);
        var product = await CreateProductAsync(_app.CreateClient(), "Extra input", TaskType.Regression, schema);

        var problem = await ProblemAsync(await client.PostAsync($"/api/products/{product}/models", Model("regression_columns.onnx")), 400);

        Assert.Equal("the model's input 'season' has no feature column of that name in the product schema",
            problem.GetProperty("errors").GetProperty("input 'season'")[0].GetString());
    }

    [Fact]
    public async Task Register_UnknownScoreOutput_Answers400ListingTheOutputs()
    {
        var client = _app.CreateClientWithRole(DashboardRoles.DataScientist);
        var product = await CreateProductAsync(_app.CreateClient(), "Bad output", TaskType.BinaryClassification, LogisticSchema);

        var problem = await ProblemAsync(await client.PostAsync($"/api/products/{product}/models",
            Model("logreg_tensor.onnx", ("featureOrder", "x1,x2,x3"), ("scoreOutput", "prob"))), 400);

        Assert.Contains("scoreOutput 'prob' is not an output of the model (its outputs: label, probabilities)", problem.GetProperty("errors").GetProperty("scoreOutput")[0].GetString());
    }

    [Fact]
    public async Task Compare_OnnxAndTrainedVersion_ScoreTheSameRows()
    {
        var (product, _) = await RegisterAsync("ONNX vs trained", TaskType.Regression, TestSchemas.Regression, "regression_columns.onnx");
        var client = _app.CreateClient();
        var train = await client.PostAsync($"/api/products/{product}/models/train",
            Multipart(TestSchemas.Utf8(TestSchemas.RegressionCsv(200, seed: 3)), "train.csv", "text/csv", ("trainer", "FastTree")));
        Assert.Equal("Succeeded", (await WaitForJobAsync(client, train.Headers.Location!.ToString())).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/products/{product}/batches", CsvBody(TestSchemas.RegressionCsv(90, seed: 5, firstId: 900)))).StatusCode);

        var compared = await client.GetFromJsonAsync<JsonElement>($"/api/products/{product}/models/compare?versions=1,2", Json);

        Assert.Equal(90, compared.GetProperty("evaluationRows").GetInt32());
        Assert.Equal(["Onnx", "TrainedInApp"], compared.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("source").GetString()));
        // The ONNX model is the generating formula without the noise: its MAE is the noise's, under 4.
        var mae = compared.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "mae").GetProperty("versions")[0];
        Assert.InRange(mae.GetProperty("value").GetDouble(), 0, 4);
    }
}
