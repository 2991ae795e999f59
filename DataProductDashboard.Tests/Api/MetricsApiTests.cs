using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Api;

public sealed class MetricsApiTests : ApiTestBase
{
    [Fact]
    public async Task Metrics_AfterTwoBatches_ReturnsOnePointPerBatchWithReleaseAndHealth()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);
        await client.PostAsync($"/api/products/{id}/batches?fileName=a.csv", CsvBody(TestSchemas.RegressionCsv(80, seed: 1, withLabel: false)));
        await client.PostAsync($"/api/products/{id}/batches?fileName=b.csv", CsvBody(TestSchemas.RegressionCsv(90, seed: 2, withLabel: false)));

        var share = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}/metrics?key=drift.share", Json);
        var temp = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}/metrics?key=drift.column.score&column=temp", Json);
        var keys = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}/metrics/keys", Json);
        var releases = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}/releases", Json);
        var health = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}/health", Json);

        Assert.Equal(2, share.GetArrayLength());
        Assert.Equal(1, share[0].GetProperty("modelVersion").GetInt32());
        Assert.Equal(2, temp.GetArrayLength());
        Assert.All(temp.EnumerateArray(), p => Assert.Equal("temp", p.GetProperty("column").GetString()));
        Assert.Contains("dq.missing_share", keys.EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(1, releases.GetArrayLength());
        Assert.Equal("Green", health.GetProperty("quality").GetString());
    }

    [Fact]
    public async Task Distribution_ForFeatureCategoryAndPrediction_ReturnsMatchingShares()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);
        var created = await client.PostAsync($"/api/products/{id}/batches", CsvBody(TestSchemas.RegressionCsv(120, seed: 8, withLabel: false)));
        var batchId = (await created.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();

        var temp = await client.GetFromJsonAsync<JsonElement>($"/api/batches/{batchId}/distribution?column=temp", Json);
        var season = await client.GetFromJsonAsync<JsonElement>($"/api/batches/{batchId}/distribution?column=season", Json);
        var prediction = await client.GetFromJsonAsync<JsonElement>($"/api/batches/{batchId}/distribution?column=prediction", Json);
        var unknown = await client.GetAsync($"/api/batches/{batchId}/distribution?column=id");

        Assert.Equal(temp.GetProperty("bins").GetArrayLength(), temp.GetProperty("current").GetArrayLength());
        Assert.Equal(1.0, temp.GetProperty("current").EnumerateArray().Sum(v => v.GetDouble()), 9);
        Assert.Equal(120, temp.GetProperty("currentCount").GetInt64());
        Assert.Equal(["autumn", "spring", "summer", "winter"], season.GetProperty("bins").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal(120, prediction.GetProperty("currentCount").GetInt64());
        await ProblemAsync(unknown, 400);
    }

    [Fact]
    public async Task Health_AfterLabelsFarFromPredictions_TurnsBehaviorRed()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);
        await client.PostAsync($"/api/products/{id}/batches", CsvBody(TestSchemas.RegressionCsv(60, seed: 3, withLabel: false)));

        var labels = "id,cnt\n" + string.Concat(Enumerable.Range(1, 60).Select(i => $"r{i},1000\n"));
        var upload = await client.PostAsync($"/api/products/{id}/labels", CsvBody(labels));
        var health = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}/health", Json);
        var mae = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}/metrics?key=perf.mae", Json);

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal("Red", health.GetProperty("behavior").GetString());
        Assert.Contains("Concept drift", health.GetProperty("behaviorReason").GetString());
        Assert.Equal(1, mae.GetArrayLength());
    }

    [Fact]
    public async Task Labels_UnknownKey_Returns400NamingRowAndColumn()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);
        await client.PostAsync($"/api/products/{id}/batches", CsvBody(TestSchemas.RegressionCsv(10, withLabel: false)));

        var problem = await ProblemAsync(await client.PostAsync($"/api/products/{id}/labels", CsvBody("id,cnt\nr1,3\nzz,4\n")), 400);

        Assert.Contains("no prediction of this product has row key 'zz'", problem.GetProperty("errors").GetProperty("row 3, column 'id'")[0].GetString());
    }

    [Fact]
    public async Task Metrics_WithoutKey_Returns400()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateProductAsync(client, "Rentals", DataProductDashboard.Domain.TaskType.Regression, TestSchemas.Regression);

        var problem = await ProblemAsync(await client.GetAsync($"/api/products/{id}/metrics"), 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("key", out _));
    }

    [Fact]
    public async Task DriftSettings_Put_ChangesTheMethodOfTheNextAudit()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);

        var put = await client.PutAsJsonAsync($"/api/products/{id}/drift-settings",
            new { shareThreshold = 0.3, overrides = new Dictionary<string, object> { ["temp"] = new { method = "psi", threshold = 0.2 } } }, Json);
        var created = await client.PostAsync($"/api/products/{id}/batches", CsvBody(TestSchemas.RegressionCsv(60, seed: 5, withLabel: false)));
        var batch = await client.GetFromJsonAsync<JsonElement>(created.Headers.Location!.ToString(), Json);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var drift = batch.GetProperty("audit").GetProperty("drift");
        Assert.Equal(0.3, drift.GetProperty("shareThreshold").GetDouble());
        var temp = drift.GetProperty("columnResults").EnumerateArray().Single(c => c.GetProperty("column").GetString() == "temp");
        Assert.Equal("psi", temp.GetProperty("method").GetString());
        Assert.Equal(0.2, temp.GetProperty("threshold").GetDouble());
    }

    [Fact]
    public async Task Reaudit_AfterNewSettings_ReplacesTheAuditInsteadOfDuplicatingIt()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);
        var created = await client.PostAsync($"/api/products/{id}/batches", CsvBody(TestSchemas.RegressionCsv(70, seed: 6, withLabel: false)));
        var batchId = (await created.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
        await client.PutAsJsonAsync($"/api/products/{id}/drift-settings",
            new { shareThreshold = 0.5, overrides = new Dictionary<string, object> { ["hum"] = new { method = "hellinger" } } }, Json);

        var first = await client.PostAsync($"/api/batches/{batchId}/audit", null);
        var second = await client.PostAsync($"/api/batches/{batchId}/audit", null);
        var series = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}/metrics?key=drift.column.score&column=hum", Json);
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/batches/{batchId}", Json);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, series.GetArrayLength());
        Assert.Equal("hellinger", detail.GetProperty("audit").GetProperty("drift").GetProperty("columnResults").EnumerateArray()
            .Single(c => c.GetProperty("column").GetString() == "hum").GetProperty("method").GetString());
        await ProblemAsync(await client.PostAsync("/api/batches/4242/audit", null), 404);
    }

    [Fact]
    public async Task DriftSettings_ReferenceWindows_MeasureDriftAgainstThePooledSamplesOfTheirBatches()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);
        var csvs = new[] { 11, 12, 13 }.Select((seed, i) => TestSchemas.RegressionCsv(60, seed: seed, withLabel: false, firstId: 1 + (60 * i))).ToArray();
        var ids = new List<int>();
        async Task<JsonElement> ReferenceOf(int batchId) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/batches/{batchId}", Json)).GetProperty("audit").GetProperty("drift").GetProperty("reference");
        async Task PutWindow(object reference) =>
            Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/products/{id}/drift-settings", new { shareThreshold = 0.5, reference }, Json)).StatusCode);

        foreach (var csv in csvs[..2])
            ids.Add((await (await client.PostAsync($"/api/products/{id}/batches", CsvBody(csv))).Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32());
        await PutWindow(new { kind = "LastBatches", lastBatches = 2 });
        var third = await client.PostAsync($"/api/products/{id}/batches", CsvBody(csvs[2]));
        ids.Add((await third.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32());
        var rolling = await ReferenceOf(ids[2]);
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/batches/{ids[2]}", Json);
        await client.PostAsync($"/api/batches/{ids[0]}/audit", null);
        var first = await ReferenceOf(ids[0]);
        var day = DateOnly.FromDateTime(detail.GetProperty("batch").GetProperty("receivedAt").GetDateTime());
        await PutWindow(new { kind = "Period", from = day.AddDays(-1), to = day.AddDays(1) });
        await client.PostAsync($"/api/batches/{ids[2]}/audit", null);
        var period = await ReferenceOf(ids[2]);
        await PutWindow(new { kind = "Period", from = new DateOnly(2000, 1, 1), to = new DateOnly(2000, 1, 31) });
        await client.PostAsync($"/api/batches/{ids[2]}/audit", null);
        var empty = await ReferenceOf(ids[2]);

        Assert.Equal("LastBatches", rolling.GetProperty("window").GetProperty("kind").GetString());
        Assert.Equal(2, rolling.GetProperty("batches").GetInt32());
        Assert.Equal(1, rolling.GetProperty("firstBatch").GetInt32());
        Assert.Equal(2, rolling.GetProperty("lastBatch").GetInt32());
        Assert.Equal(120, rolling.GetProperty("rows").GetInt64());
        // Batches of 60 rows keep every row: the window's test is the two-sample test of batches 1 and 2 against batch 3.
        static double[] Temps(string csv)
        {
            var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var column = Array.IndexOf(lines[0].Split(','), "temp");
            return [.. lines.Skip(1).Select(l => double.Parse(l.Split(',')[column], System.Globalization.CultureInfo.InvariantCulture))];
        }
        var expected = DataProductDashboard.Analysis.Drift.DriftDetector.DetectColumn(DataProductDashboard.Analysis.Drift.ColumnPair.Numeric("temp",
            DataProductDashboard.Analysis.Drift.NumericSample.From([.. Temps(csvs[0]), .. Temps(csvs[1])]), DataProductDashboard.Analysis.Drift.NumericSample.From(Temps(csvs[2]))),
            DataProductDashboard.Analysis.Drift.DriftSettings.Default)!;
        var temp = detail.GetProperty("audit").GetProperty("drift").GetProperty("columnResults").EnumerateArray().Single(c => c.GetProperty("column").GetString() == "temp");
        Assert.Equal(expected.Score, temp.GetProperty("score").GetDouble(), 12);
        // Batch 1 has no batch before it: the training data served, and the audit says so.
        Assert.True(first.GetProperty("fellBack").GetBoolean());
        // A period holding every batch leaves out the audited one.
        Assert.Equal(2, period.GetProperty("batches").GetInt32());
        Assert.Equal(2, period.GetProperty("lastBatch").GetInt32());
        Assert.True(empty.GetProperty("fellBack").GetBoolean());
    }

    [Fact]
    public async Task DriftSettings_PutInvalid_Returns400NamingEachProblem()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateProductAsync(client, "Rentals", DataProductDashboard.Domain.TaskType.Regression, TestSchemas.Regression);

        var response = await client.PutAsJsonAsync($"/api/products/{id}/drift-settings", new
        {
            shareThreshold = 1.5,
            overrides = new Dictionary<string, object>
            {
                ["season"] = new { method = "wasserstein" },
                ["nope"] = new { method = "ks" },
                ["temp"] = new { method = "magic" },
            },
        }, Json);

        var window = await client.PutAsJsonAsync($"/api/products/{id}/drift-settings", new { shareThreshold = 0.5, reference = new { kind = "LastBatches", lastBatches = 0 } }, Json);
        var period = await client.PutAsJsonAsync($"/api/products/{id}/drift-settings", new { shareThreshold = 0.5, reference = new { kind = "Period", from = "2024-03-01" } }, Json);

        var errors = (await ProblemAsync(response, 400)).GetProperty("errors");
        Assert.Contains("1 to 500 batches; got 0", (await ProblemAsync(window, 400)).GetProperty("errors").GetProperty("reference.lastBatches")[0].GetString());
        Assert.Contains("last day", (await ProblemAsync(period, 400)).GetProperty("errors").GetProperty("reference.to")[0].GetString());
        Assert.True(errors.TryGetProperty("shareThreshold", out _));
        Assert.Contains("does not apply to Categorical", errors.GetProperty("overrides['season'].method")[0].GetString());
        Assert.True(errors.TryGetProperty("overrides['nope']", out _));
        Assert.Contains("'magic' is not a drift method", errors.GetProperty("overrides['temp'].method")[0].GetString());
    }
}
