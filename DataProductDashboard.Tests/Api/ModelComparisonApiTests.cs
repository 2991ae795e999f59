using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Api;

/// <summary>GET /api/products/{id}/models/compare on one shared app: a regression and a binary product, each with two
/// versions trained through the API and labelled batches.</summary>
public sealed class ModelComparisonApiTests(ModelComparisonApiTests.Fixture fixture) : ApiTestBase, IClassFixture<ModelComparisonApiTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public DashboardAppFactory App { get; } = new();

        public int Regression { get; private set; }

        public int Binary { get; private set; }

        /// <summary>A regression product with two versions and no labelled batch yet.</summary>
        public int Unlabelled { get; private set; }

        public async Task InitializeAsync()
        {
            var client = App.CreateClient();
            Regression = await CreateTrainedRegressionProductAsync(client, "Compared rentals");
            await TrainAsync(client, Regression, TestSchemas.RegressionCsv(200, seed: 3), "Sdca");
            // Two labelled batches (the label inside the file) and one without labels.
            await UploadAsync(client, Regression, TestSchemas.RegressionCsv(120, seed: 31, firstId: 5000));
            await UploadAsync(client, Regression, TestSchemas.RegressionCsv(80, seed: 32, firstId: 6000));
            await UploadAsync(client, Regression, TestSchemas.RegressionCsv(50, seed: 33, withLabel: false, firstId: 7000));

            Binary = await CreateProductAsync(client, "Compared credit", TaskType.BinaryClassification, TestSchemas.Binary);
            await TrainAsync(client, Binary, TestSchemas.BinaryCsv(300, seed: 1), "FastTree");
            await TrainAsync(client, Binary, TestSchemas.BinaryCsv(300, seed: 2), "Sdca");
            await UploadAsync(client, Binary, TestSchemas.BinaryCsv(250, seed: 41));

            Unlabelled = await CreateTrainedRegressionProductAsync(client, "Unlabelled rentals");
            await TrainAsync(client, Unlabelled, TestSchemas.RegressionCsv(200, seed: 4), "Sdca");
            await UploadAsync(client, Unlabelled, TestSchemas.RegressionCsv(30, seed: 34, withLabel: false, firstId: 8000));
        }

        public async Task DisposeAsync() => await App.DisposeAsync();

        private static async Task TrainAsync(HttpClient client, int productId, string csv, string trainer)
        {
            var response = await client.PostAsync($"/api/products/{productId}/models/train", Multipart(TestSchemas.Utf8(csv), "train.csv", "text/csv", ("trainer", trainer)));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal("Succeeded", (await WaitForJobAsync(client, response.Headers.Location!.ToString())).GetProperty("state").GetString());
        }

        private static async Task UploadAsync(HttpClient client, int productId, string csv)
        {
            var response = await client.PostAsync($"/api/products/{productId}/batches", CsvBody(csv));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    private readonly DashboardAppFactory _app = fixture.App;

    [Fact]
    public async Task Compare_RegressionVersions_AreMeasuredOnTheSameLabelledRowsWithIntervalsAndTests()
    {
        var client = _app.CreateClientWithRole(DashboardRoles.Viewer);

        var body = await client.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.Regression}/models/compare?versions=1,2", Json);

        Assert.Equal(200, body.GetProperty("evaluationRows").GetInt32());
        Assert.Equal(1, body.GetProperty("baseline").GetInt32()); // the champion
        Assert.Equal([80, 120], body.GetProperty("batches").EnumerateArray().Select(b => b.GetProperty("labelledRows").GetInt32()).Order());
        Assert.Equal(["FastTree", "Sdca"], body.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("trainer").GetString()!.Split(' ')[0]));
        Assert.All(body.GetProperty("versions").EnumerateArray(), v => Assert.True(v.GetProperty("latencyP95Micros").GetDouble() > 0));
        var metrics = body.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("metric").GetString()!);
        Assert.Equal(["mae", "rmse", "r2"], metrics.Keys);
        Assert.Equal("paired t-test on absolute errors", metrics["mae"].GetProperty("test").GetString());
        var baseline = metrics["mae"].GetProperty("versions")[0];
        var other = metrics["mae"].GetProperty("versions")[1];
        Assert.Equal(JsonValueKind.Null, baseline.GetProperty("pValue").ValueKind);
        Assert.InRange(other.GetProperty("pValue").GetDouble(), 0, 1);
        Assert.InRange(other.GetProperty("value").GetDouble(), other.GetProperty("ciLow").GetDouble(), other.GetProperty("ciHigh").GetDouble());
        Assert.Equal(other.GetProperty("value").GetDouble() - baseline.GetProperty("value").GetDouble(), other.GetProperty("difference").GetDouble(), 9);
        Assert.Matches(@"^v2's MAE is [\d.]+ (lower|higher) than v1's \(95% CI .+\) on the same 200 rows: .+\.$", other.GetProperty("sentence").GetString());
        var agreement = Assert.Single(body.GetProperty("agreement").EnumerateArray());
        Assert.InRange(agreement.GetProperty("scoreCorrelation").GetDouble(), 0.5, 1);
        Assert.True(body.GetProperty("disagreements").GetArrayLength() is > 0 and <= 20);
        // Diagnostics: every version's sample is the same 200 rows, and the numeric features are given on them.
        var diagnostics = body.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("regression")).ToList();
        Assert.Equal(2, diagnostics.Count);
        Assert.Equal(diagnostics[0].GetProperty("actual").GetRawText(), diagnostics[1].GetProperty("actual").GetRawText());
        Assert.Equal(200, diagnostics[0].GetProperty("actual").GetArrayLength());
        Assert.Equal(200, diagnostics[0].GetProperty("residualCounts").EnumerateArray().Sum(c => c.GetInt64()));
        var features = body.GetProperty("sampledFeatures");
        Assert.Equal(["temp", "hum"], features.EnumerateObject().Select(f => f.Name));
        Assert.Equal(200, features.GetProperty("temp").GetArrayLength());
        // Permutation importance: cnt follows temp most (3 per degree over a 40-degree range), so shuffling temp hurts MAE most.
        var importance = body.GetProperty("importance").EnumerateArray().ToList();
        Assert.Equal("temp", importance[0].GetProperty("feature").GetString());
        Assert.Equal("mae", importance[0].GetProperty("metric").GetString());
        Assert.All(importance[0].GetProperty("versions").EnumerateArray(), v => Assert.True(v.GetProperty("drop").GetDouble() > 1));
        Assert.Equal(["hum", "season", "temp"], importance.Select(f => f.GetProperty("feature").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Compare_OtherBaseline_TurnsTheDifferencesAround()
    {
        var client = _app.CreateClient();

        var first = await client.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.Regression}/models/compare?versions=1,2", Json);
        var turned = await client.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.Regression}/models/compare?versions=1,2&baseline=2", Json);

        double Difference(JsonElement body, int index) => body.GetProperty("metrics")[0].GetProperty("versions")[index].GetProperty("difference").GetDouble();
        Assert.Equal(2, turned.GetProperty("baseline").GetInt32());
        Assert.Equal(-Difference(first, 1), Difference(turned, 0), 9);
        Assert.Equal(first.GetProperty("metrics")[0].GetProperty("versions")[1].GetProperty("pValue").GetDouble(),
            turned.GetProperty("metrics")[0].GetProperty("versions")[0].GetProperty("pValue").GetDouble(), 9);
    }

    [Fact]
    public async Task Compare_BinaryVersions_UseMcNemarAndDeLongAndNameTheClasses()
    {
        var client = _app.CreateClient();

        var body = await client.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.Binary}/models/compare?versions=2,1&batches=1", Json);

        Assert.Equal(250, body.GetProperty("evaluationRows").GetInt32());
        Assert.Equal(1, body.GetProperty("baseline").GetInt32()); // the champion, though named second
        var tests = body.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("metric").GetString()!, m => m.GetProperty("test").GetString());
        Assert.Equal("McNemar", tests["accuracy"]);
        Assert.Equal("DeLong", tests["roc_auc"]);
        Assert.Equal("paired bootstrap", tests["f1"]);
        var row = body.GetProperty("disagreements")[0];
        Assert.Contains(row.GetProperty("labelClass").GetString(), new[] { "good", "bad" });
        Assert.All(row.GetProperty("predictions").EnumerateArray(), p => Assert.Contains(p.GetProperty("predictedClass").GetString(), new[] { "good", "bad" }));
        Assert.InRange(Assert.Single(body.GetProperty("agreement").EnumerateArray()).GetProperty("sameLabelShare").GetDouble(), 0, 1);
        // Diagnostics per version on the same 250 rows: the confusion matrix adds up, the curves run from (0, 0) to (1, 1).
        var diagnostics = body.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal([2, 1], diagnostics.Select(d => d.GetProperty("version").GetInt32()));
        foreach (var d in diagnostics.Select(d => d.GetProperty("binary")))
        {
            Assert.Equal(250, d.GetProperty("confusion").EnumerateArray().SelectMany(r => r.EnumerateArray()).Sum(v => v.GetInt64()));
            var roc = d.GetProperty("roc");
            Assert.Equal(0, roc[0].GetProperty("x").GetDouble());
            Assert.Equal(1, roc[roc.GetArrayLength() - 1].GetProperty("y").GetDouble());
            Assert.InRange(d.GetProperty("expectedCalibrationError").GetDouble(), 0, 1);
            Assert.Equal(19, d.GetProperty("thresholds").GetArrayLength());
        }
    }

    [Fact]
    public async Task Compare_Csv_ExportsEveryDisagreementWithEachVersionsPrediction()
    {
        var client = _app.CreateClient();

        var body = await client.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.Binary}/models/compare?versions=1,2", Json);
        var response = await client.GetAsync($"/api/products/{fixture.Binary}/models/compare?versions=1,2&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("product-" + fixture.Binary + "-compare-v1-v2.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("batch_id,row_key,label,label_class,v1_predicted,v1_class,v1_probability,v2_predicted,v2_class,v2_probability", lines[0]);
        Assert.Equal(body.GetProperty("disagreementCount").GetInt32(), lines.Length - 1);
        Assert.StartsWith(body.GetProperty("disagreements")[0].GetProperty("batchId").GetInt32() + "," + body.GetProperty("disagreements")[0].GetProperty("rowKey").GetString() + ",", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "versions", "Name the versions to compare")]
    [InlineData("versions=1", "versions", "Compare two to 5 versions (1 given)")]
    [InlineData("versions=1,x", "versions", "'x' is not a version number")]
    [InlineData("versions=1,1", "versions", "Version 1 is named twice")]
    [InlineData("versions=1,9", "versions", "has no version v9")]
    [InlineData("versions=1,2&baseline=3", "baseline", "The baseline v3 is not among the versions compared (v1, v2)")]
    [InlineData("versions=1,2&batches=0", "batches", "0 is not a batch count from 1 to 50")]
    public async Task Compare_BadQuery_Returns400NamingTheField(string query, string field, string message)
    {
        var problem = await ProblemAsync(await _app.CreateClient().GetAsync($"/api/products/{fixture.Regression}/models/compare?{query}"), 400);

        Assert.Contains(message, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_NoLabelledRows_Returns409SayingWhatToDo()
    {
        var problem = await ProblemAsync(await _app.CreateClient().GetAsync($"/api/products/{fixture.Unlabelled}/models/compare?versions=1,2"), 409);

        Assert.Contains("no labelled production rows yet", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lineage_TrainedThenPromotedVersion_TellsWhoDidWhatAndExportsCsv()
    {
        var client = _app.CreateClient();
        var promote = await client.PostAsync($"/api/products/{fixture.Unlabelled}/models/2/promote", null);
        Assert.Equal(HttpStatusCode.OK, promote.StatusCode);

        var v2 = await client.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.Unlabelled}/models/2/lineage", Json);
        var v1 = await client.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.Unlabelled}/models/1/lineage", Json);
        var csv = await client.GetStringAsync($"/api/products/{fixture.Unlabelled}/models/2/lineage?format=csv");

        var events = v2.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal("trained", events[0].GetProperty("kind").GetString());
        Assert.Equal("key:tests-admin", events[0].GetProperty("actor").GetString());
        Assert.StartsWith("Sdca", events[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("trained on 160 rows of 'train.csv' (hold-out 40,", events[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(events, e => e.GetProperty("kind").GetString() == "promoted" && e.GetProperty("text").GetString()!.Contains("champion v2", StringComparison.Ordinal));
        Assert.Equal("Champion", v2.GetProperty("status").GetString());
        var v1Events = v1.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal("trained", v1Events[0]);
        Assert.Contains("first-batch", v1Events);
        Assert.Contains("replaced", v1Events);
        Assert.Equal(1, v1.GetProperty("asChampion").GetProperty("count").GetInt32());
        Assert.Equal(30, v1.GetProperty("asChampion").GetProperty("rows").GetInt64());
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("at,kind,actor,text,link", lines[0]);
        Assert.Equal(events.Count, lines.Length - 1);
        Assert.Contains(",trained,key:tests-admin,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluationSet_RegisteredThenComparedOnThenRemoved()
    {
        var client = _app.CreateClientWithRole(DashboardRoles.DataScientist);
        var noSet = await ProblemAsync(await client.GetAsync($"/api/products/{fixture.Binary}/models/compare?versions=1,2&source=evaluation-set"), 409);
        Assert.Contains("has no evaluation set", noSet.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var put = await client.PutAsync($"/api/products/{fixture.Binary}/evaluation-set", CsvBody(TestSchemas.BinaryCsv(180, seed: 77)));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var set = await put.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(180, set.GetProperty("labelledRows").GetInt32());
        var compared = await client.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.Binary}/models/compare?versions=1,2&source=evaluation-set", Json);

        Assert.Equal("EvaluationSet", compared.GetProperty("source").GetString());
        Assert.Equal(180, compared.GetProperty("evaluationRows").GetInt32());
        Assert.Equal(0, compared.GetProperty("batches").GetArrayLength());
        Assert.Equal(set.GetProperty("fileHash").GetString(), compared.GetProperty("evaluationSet").GetProperty("fileHash").GetString());
        Assert.All(compared.GetProperty("disagreements").EnumerateArray(), d =>
        {
            Assert.Equal(JsonValueKind.Null, d.GetProperty("batchId").ValueKind);
            Assert.StartsWith("a", d.GetProperty("rowKey").GetString(), StringComparison.Ordinal);
        });
        // Production rows are still the default, and the trail records the change.
        var production = await client.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.Binary}/models/compare?versions=1,2", Json);
        Assert.Equal("Production", production.GetProperty("source").GetString());
        Assert.Equal(250, production.GetProperty("evaluationRows").GetInt32());
        var trail = await client.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.Binary}/trail", Json);
        Assert.Contains(trail.EnumerateArray(), t => t.GetProperty("action").GetString() == "EvaluationSetChanged");

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/products/{fixture.Binary}/evaluation-set")).StatusCode);
        await ProblemAsync(await client.GetAsync($"/api/products/{fixture.Binary}/evaluation-set"), 404);
        await ProblemAsync(await _app.CreateClientWithRole(DashboardRoles.Viewer).PutAsync($"/api/products/{fixture.Binary}/evaluation-set",
            CsvBody(TestSchemas.BinaryCsv(10, seed: 78))), 403);
    }

    [Fact]
    public async Task Lineage_UnknownVersion_Returns404()
    {
        await ProblemAsync(await _app.CreateClient().GetAsync($"/api/products/{fixture.Regression}/models/42/lineage"), 404);
    }

    [Fact]
    public async Task Compare_UnknownProduct_Returns404()
    {
        await ProblemAsync(await _app.CreateClient().GetAsync("/api/products/999999/models/compare?versions=1,2"), 404);
    }
}
