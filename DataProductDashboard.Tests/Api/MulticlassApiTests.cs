using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataProductDashboard.Analysis.Metrics;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Api;

/// <summary>A multiclass product end to end through the API: trained in the app (LightGBM, then SDCA as a second
/// version), batches scored with class names, labels joined later, per-class metrics and the confusion matrix, the
/// versions compared on the same rows and the second one shadow-scored.</summary>
public sealed class MulticlassApiTests(MulticlassApiTests.Fixture fixture) : ApiTestBase, IClassFixture<MulticlassApiTests.Fixture>
{
    public static readonly string[] Classes = ["bus", "car", "walk"];

    public static readonly ProductSchema Schema = new(
    [
        new("id", ColumnKind.Id, ColumnRole.RowKey),
        new("distance", ColumnKind.Numeric, Min: 0),
        new("rain", ColumnKind.Numeric, Min: 0, Max: 1),
        new("zone", ColumnKind.Categorical, AllowedValues: ["centre", "suburb"]),
        new("mode", ColumnKind.Categorical, ColumnRole.Label, AllowedValues: Classes),
    ]);

    /// <summary>Short trips are walked (unless it rains), long ones by car, the rest by bus; 10 % of labels are noise.</summary>
    public static string Csv(int rows, int seed, bool withLabel = true, int firstId = 1)
    {
        var random = new Random(seed);
        var csv = new StringBuilder(withLabel ? "id,distance,rain,zone,mode\n" : "id,distance,rain,zone\n");
        for (var i = 0; i < rows; i++)
        {
            var distance = Math.Round(random.NextDouble() * 20, 2);
            var rain = Math.Round(random.NextDouble(), 2);
            var zone = random.Next(2) == 0 ? "centre" : "suburb";
            var mode = distance < 2 && rain < 0.6 ? "walk" : distance > 9 || zone == "suburb" && distance > 6 ? "car" : "bus";
            if (random.NextDouble() < 0.1)
                mode = Classes[random.Next(3)];
            csv.Append(CultureInfo.InvariantCulture, $"t{firstId + i},{distance},{rain},{zone}");
            if (withLabel)
                csv.Append(',').Append(mode);
            csv.Append('\n');
        }
        return csv.ToString();
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public static readonly CapturingLoggerProvider Logs = new();

        public DashboardAppFactory App { get; } = new(logs: Logs);

        public int ProductId { get; private set; }

        public int LabelledBatch { get; private set; }

        public int LaterBatch { get; private set; }

        public string LaterCsv { get; } = Csv(90, seed: 32, firstId: 6000);

        public async Task InitializeAsync()
        {
            var client = App.CreateClient();
            ProductId = await CreateProductAsync(client, "Trip modes", TaskType.MulticlassClassification, Schema);
            await TrainAsync(client, "LightGbm", 5);
            await TrainAsync(client, "Sdca", 6);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/products/{ProductId}/models/2/challenger", null)).StatusCode);
            LabelledBatch = await UploadAsync(client, Csv(150, seed: 31, firstId: 5000));
            LaterBatch = await UploadAsync(client, Csv(90, seed: 32, withLabel: false, firstId: 6000));
            var labels = new StringBuilder("id,mode\n");
            foreach (var line in LaterCsv.Split('\n').Skip(1).Where(l => l.Length > 0))
                labels.Append(line.Split(',')[0]).Append(',').Append(line.Split(',')[^1]).Append('\n');
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/products/{ProductId}/labels", CsvBody(labels.ToString()))).StatusCode);
        }

        private async Task TrainAsync(HttpClient client, string trainer, int seed)
        {
            var response = await client.PostAsync($"/api/products/{ProductId}/models/train",
                Multipart(TestSchemas.Utf8(Csv(600, seed)), "trips.csv", "text/csv", ("trainer", trainer)));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var job = await WaitForJobAsync(client, response.Headers.Location!.ToString());
            Assert.True(job.GetProperty("state").GetString() == "Succeeded", job.ToString());
        }

        private async Task<int> UploadAsync(HttpClient client, string csv)
        {
            var response = await client.PostAsync($"/api/products/{ProductId}/batches", CsvBody(csv));
            Assert.True(response.StatusCode == HttpStatusCode.Created, string.Join("\n", Logs.Entries.Select(e => e.Message + " " + e.Exception)));
            return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private readonly DashboardAppFactory _app = fixture.App;

    private async Task<List<JsonElement>> PredictionsAsync(int batch)
    {
        var page = await _app.CreateClientWithRole(DashboardRoles.Viewer).GetFromJsonAsync<JsonElement>($"/api/batches/{batch}/predictions?pageSize=500", Json);
        return [.. page.GetProperty("items").EnumerateArray().OrderBy(r => r.GetProperty("rowIndex").GetInt32())];
    }

    [Fact]
    public async Task Train_Multiclass_RecordsHoldoutAccuracyAndMacroF1()
    {
        var versions = await _app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/models", Json);

        foreach (var version in versions.EnumerateArray())
        {
            var holdout = version.GetProperty("holdoutMetrics");
            Assert.InRange(holdout.GetProperty("accuracy").GetDouble(), 0.6, 1);
            Assert.InRange(holdout.GetProperty("macro_f1").GetDouble(), 0.4, 1);
        }
    }

    [Fact]
    public async Task Predictions_Multiclass_NameTheClassAndItsProbability()
    {
        var rows = await PredictionsAsync(fixture.LabelledBatch);

        Assert.Equal(150, rows.Count);
        Assert.All(rows, r => Assert.Contains(r.GetProperty("predictedClass").GetString(), Classes));
        Assert.All(rows, r => Assert.InRange(r.GetProperty("score").GetDouble(), 1.0 / 3 - 1e-6, 1));
        Assert.All(rows, r => Assert.Equal(Classes[(int)r.GetProperty("predicted").GetDouble()], r.GetProperty("predictedClass").GetString()));
        Assert.All(rows, r => Assert.Contains(r.GetProperty("labelClass").GetString(), Classes));
    }

    [Fact]
    public async Task Performance_LabelsJoinedLater_EqualTheMetricsOfTheStoredRows()
    {
        var rows = await PredictionsAsync(fixture.LaterBatch);
        var expected = ClassificationMetrics.Multiclass([.. rows.Select(r => r.GetProperty("labelClass").GetString()!)],
            [.. rows.Select(r => r.GetProperty("predictedClass").GetString()!)], Classes);
        var client = _app.CreateClientWithRole(DashboardRoles.Viewer);

        double Point(string key, int version) => client.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/metrics?key={key}&modelVersion={version}", Json)
            .GetAwaiter().GetResult().EnumerateArray().Single(p => p.GetProperty("batchId").GetInt32() == fixture.LaterBatch).GetProperty("value").GetDouble();

        Assert.Equal(expected.Accuracy, Point("perf.accuracy", 1), 12);
        Assert.Equal(expected.MacroF1, Point("perf.macro_f1", 1), 12);
        Assert.Equal(expected.BalancedAccuracy, Point("perf.balanced_accuracy", 1), 12);
        // The challenger scored the same rows in the shadow: its own accuracy on them.
        Assert.InRange(Point("perf.accuracy", 2), 0, 1);
        var batch = await client.GetFromJsonAsync<JsonElement>($"/api/batches/{fixture.LaterBatch}", Json);
        Assert.Equal(90, batch.GetProperty("batch").GetProperty("labelledRows").GetInt32());
    }

    [Fact]
    public async Task Compare_MulticlassVersions_UseMcNemarOnAccuracyAndGiveConfusionMatrices()
    {
        var body = await _app.CreateClientWithRole(DashboardRoles.Viewer).GetFromJsonAsync<JsonElement>(
            $"/api/products/{fixture.ProductId}/models/compare?versions=1,2", Json);

        Assert.Equal(240, body.GetProperty("evaluationRows").GetInt32());
        var metrics = body.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("metric").GetString()!);
        Assert.Equal(["accuracy", "balanced_accuracy", "macro_f1"], metrics.Keys);
        Assert.Equal("McNemar", metrics["accuracy"].GetProperty("test").GetString());
        Assert.InRange(metrics["accuracy"].GetProperty("versions")[1].GetProperty("pValue").GetDouble(), 0, 1);
        var diagnostics = body.GetProperty("diagnostics")[0].GetProperty("multiclass");
        Assert.Equal(Classes, diagnostics.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(240, diagnostics.GetProperty("confusionMatrix").EnumerateArray().Sum(r => r.EnumerateArray().Sum(c => c.GetInt64())));
        Assert.Equal(metrics["accuracy"].GetProperty("versions")[0].GetProperty("value").GetDouble(), diagnostics.GetProperty("accuracy").GetDouble(), 12);
    }

    [Fact]
    public async Task UploadLabels_UnknownClass_Answers400NamingTheRowAndClass()
    {
        var client = _app.CreateClient();

        var response = await client.PostAsync($"/api/products/{fixture.ProductId}/labels", CsvBody("id,mode\nt5000,bike\n"));

        var problem = await ProblemAsync(response, 400);
        Assert.Contains("bike", problem.GetRawText());
    }

    [Fact]
    public async Task Train_FastForestOnMulticlass_Answers400NamingTheTrainersThatCan()
    {
        var client = _app.CreateClient();

        var response = await client.PostAsync($"/api/products/{fixture.ProductId}/models/train",
            Multipart(TestSchemas.Utf8(Csv(100, 9)), "trips.csv", "text/csv", ("trainer", "FastForest")));

        var problem = await ProblemAsync(response, 400);
        Assert.Equal("FastForest cannot train a MulticlassClassification model; use one of FastTree, LightGbm, Sdca.",
            problem.GetProperty("errors").GetProperty("trainer")[0].GetString());
    }

    [Fact]
    public async Task StartExperiment_Multiclass_Answers400SayingWhy()
    {
        var client = _app.CreateClient();

        var response = await client.PostAsJsonAsync($"/api/products/{fixture.ProductId}/experiments",
            new { challengerVersion = 2, primaryMetric = "perf.accuracy", minimumDetectableEffect = 0.05 }, Json);

        var problem = await ProblemAsync(response, 400);
        Assert.Contains("multiclass", problem.GetProperty("errors").GetProperty("task")[0].GetString());
    }
}
