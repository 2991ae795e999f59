using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Api;

/// <summary>Challengers (POST/DELETE /api/products/{id}/models/{v}/challenger) are scored beside the champion on each new
/// batch: shadow predictions of the same rows, metric points per version (shadow=true), performance when labels come.</summary>
public sealed class ChallengerApiTests(ChallengerApiTests.Fixture fixture) : ApiTestBase, IClassFixture<ChallengerApiTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        // New versions start as candidates here, so marking one through the API is what makes it a challenger.
        public DashboardAppFactory App { get; } = new(settings: new Dictionary<string, string?>
        {
            ["Dashboard:ShadowRowsPerBatch"] = "100", ["Dashboard:ShadowNewVersions"] = "false",
        });

        public int ProductId { get; private set; }

        /// <summary>A labelled batch of 150 rows (the label in the file) scored while v2 was a challenger.</summary>
        public int LabelledBatch { get; private set; }

        /// <summary>A batch of 60 rows without labels, labelled afterwards through the labels API.</summary>
        public int LaterLabelledBatch { get; private set; }

        public async Task InitializeAsync()
        {
            var client = App.CreateClientWithRole(DashboardRoles.DataScientist);
            ProductId = await CreateTrainedRegressionProductAsync(App.CreateClient(), "Shadowed rentals");
            var train = await client.PostAsync($"/api/products/{ProductId}/models/train",
                Multipart(TestSchemas.Utf8(TestSchemas.RegressionCsv(200, seed: 3)), "train.csv", "text/csv", ("trainer", "Sdca")));
            Assert.Equal("Succeeded", (await WaitForJobAsync(client, train.Headers.Location!.ToString())).GetProperty("state").GetString());
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/products/{ProductId}/models/2/challenger", null)).StatusCode);
            LabelledBatch = await UploadAsync(client, TestSchemas.RegressionCsv(150, seed: 31, firstId: 5000));
            var unlabelled = TestSchemas.RegressionCsv(60, seed: 32, firstId: 6000);
            LaterLabelledBatch = await UploadAsync(client, TestSchemas.RegressionCsv(60, seed: 32, withLabel: false, firstId: 6000));
            var labels = new StringBuilder("id,cnt\n");
            foreach (var line in unlabelled.Split('\n').Skip(1).Where(l => l.Length > 0))
            {
                var cells = line.Split(',');
                labels.Append(cells[0]).Append(',').Append(cells[^1]).Append('\n');
            }
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/products/{ProductId}/labels", CsvBody(labels.ToString()))).StatusCode);
        }

        public async Task DisposeAsync() => await App.DisposeAsync();

        private async Task<int> UploadAsync(HttpClient client, string csv)
        {
            var response = await client.PostAsync($"/api/products/{ProductId}/batches", CsvBody(csv));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
        }
    }

    private readonly DashboardAppFactory _app = fixture.App;

    private async Task<List<JsonElement>> PointsAsync(string key, string query = "")
    {
        var client = _app.CreateClientWithRole(DashboardRoles.Viewer);
        return (await client.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/metrics?key={key}{query}", Json)).EnumerateArray().ToList();
    }

    [Fact]
    public async Task Metrics_ChallengerOnEveryBatch_HasItsOwnPointsBesideTheChampions()
    {
        var rows = await PointsAsync("batch.rows");

        foreach (var batch in new[] { fixture.LabelledBatch, fixture.LaterLabelledBatch })
        {
            var points = rows.Where(p => p.GetProperty("batchId").GetInt32() == batch).ToList();
            Assert.Equal([(1, false), (2, true)], points.Select(p => (p.GetProperty("modelVersion").GetInt32(), p.GetProperty("shadow").GetBoolean())).Order());
            Assert.All(points, p => Assert.Equal(JsonValueKind.Null, p.GetProperty("segment").ValueKind));
        }
        // The challenger scores the first 100 rows of a batch (the configured cap), the champion all of them.
        var labelled = rows.Where(p => p.GetProperty("batchId").GetInt32() == fixture.LabelledBatch).ToDictionary(p => p.GetProperty("modelVersion").GetInt32(), p => p.GetProperty("value").GetDouble());
        Assert.Equal(150, labelled[1]);
        Assert.Equal(100, labelled[2]);
        Assert.All((await PointsAsync("scoring.seconds")).Where(p => p.GetProperty("shadow").GetBoolean()), p => Assert.True(p.GetProperty("value").GetDouble() > 0));
    }

    [Fact]
    public async Task Metrics_LabelsArriveLater_GiveTheChallengerAPerformancePointForThatBatch()
    {
        var mae = await PointsAsync("perf.mae", "&modelVersion=2");

        Assert.All(mae, p => Assert.True(p.GetProperty("shadow").GetBoolean()));
        Assert.Equal([fixture.LabelledBatch, fixture.LaterLabelledBatch], mae.Select(p => p.GetProperty("batchId").GetInt32()).Order());
        Assert.Equal(2, (await PointsAsync("perf.mae", "&modelVersion=1")).Count);
    }

    [Fact]
    public async Task Metrics_ShadowMae_EqualsTheComparisonOfTheSameRows()
    {
        var client = _app.CreateClientWithRole(DashboardRoles.Viewer);
        var shadow = (await PointsAsync("perf.mae", "&modelVersion=2")).Single(p => p.GetProperty("batchId").GetInt32() == fixture.LaterLabelledBatch);
        var champion = (await PointsAsync("perf.mae", "&modelVersion=1")).Single(p => p.GetProperty("batchId").GetInt32() == fixture.LaterLabelledBatch);

        // The latest labelled batch alone: its 60 rows, all within the challenger's cap, so the same rows on both sides.
        var compared = await client.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/models/compare?versions=1,2&batches=1", Json);

        Assert.Equal(60, compared.GetProperty("evaluationRows").GetInt32());
        var mae = compared.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "mae").GetProperty("versions");
        Assert.Equal(mae[0].GetProperty("value").GetDouble(), champion.GetProperty("value").GetDouble(), 1e-6);
        Assert.Equal(mae[1].GetProperty("value").GetDouble(), shadow.GetProperty("value").GetDouble(), 1e-6);
    }

    [Fact]
    public async Task BatchFigures_ShadowPoints_DoNotChangeTheBatchsOwnGateEvidence()
    {
        var client = _app.CreateClientWithRole(DashboardRoles.Viewer);

        var metrics = await client.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/gates/metrics", Json);

        // The current value of "batch.rows" is the champion's whole latest batch, not a challenger's capped 100.
        var rows = metrics.EnumerateArray().Single(m => m.GetProperty("key").GetString() == "batch.rows");
        Assert.Equal(60, rows.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task MarkChallenger_TheChampion_Answers409NamingIt()
    {
        var client = _app.CreateClientWithRole(DashboardRoles.DataScientist);

        var problem = await ProblemAsync(await client.PostAsync($"/api/products/{fixture.ProductId}/models/1/challenger", null), 409);

        Assert.Contains("Version 1 is the champion", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task MarkChallenger_UnknownVersion_Answers404()
    {
        var client = _app.CreateClientWithRole(DashboardRoles.DataScientist);

        await ProblemAsync(await client.PostAsync($"/api/products/{fixture.ProductId}/models/99/challenger", null), 404);
    }

    [Fact]
    public async Task MarkChallenger_AsViewer_Answers403()
    {
        var client = _app.CreateClientWithRole(DashboardRoles.Viewer);

        var response = await client.PostAsync($"/api/products/{fixture.ProductId}/models/2/challenger", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Lineage_Challenger_CountsTheBatchesAndRowsItScoredInTheShadow()
    {
        var client = _app.CreateClientWithRole(DashboardRoles.Viewer);

        var lineage = await client.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/models/2/lineage", Json);

        var shadow = lineage.GetProperty("asChallenger");
        Assert.Equal(2, shadow.GetProperty("count").GetInt32());
        Assert.Equal(160, shadow.GetProperty("rows").GetInt64());
        Assert.Contains(lineage.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "challenger-marked");
        Assert.Equal("Sdca", lineage.GetProperty("parameters").GetProperty("trainer").GetString());
        Assert.Equal(["temp", "hum", "season"], lineage.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(new DateTime(2024, 1, 1), lineage.GetProperty("trainingFrom").GetDateTime());
        Assert.Equal(new DateTime(2024, 1, 28), lineage.GetProperty("trainingTo").GetDateTime());
    }
}
