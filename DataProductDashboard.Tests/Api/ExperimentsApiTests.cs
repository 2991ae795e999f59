using DataProductDashboard.Domain;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataProductDashboard.Services.Experiments;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Api;

[Trait(Providers.Trait, Providers.Both)]
public sealed class ExperimentsApiTests : ApiTestBase
{
    private static StringContent JsonText(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<(DashboardAppFactory App, HttpClient Client, int ProductId)> TwoVersionsAsync()
    {
        var app = new DashboardAppFactory();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", app.CreateKey("pm.alice", DashboardRoles.Admin));
        var productId = await CreateTrainedRegressionProductAsync(client);
        var response = await client.PostAsync($"/api/products/{productId}/models/train",
            Multipart(TestSchemas.Utf8(TestSchemas.RegressionCsv(220, seed: 31)), "v2.csv", "text/csv", ("trainer", "Sdca")));
        var job = await WaitForJobAsync(client, response.Headers.Location!.ToString());
        Assert.Equal(2, job.GetProperty("modelVersion").GetInt32());
        return (app, client, productId);
    }

    private static Task<HttpResponseMessage> StartAsync(HttpClient client, int productId, string json = """{ "challengerVersion": 2, "primaryMetric": "perf.mae", "minimumDetectableEffect": 0.5 }""") =>
        client.PostAsync($"/api/products/{productId}/experiments", JsonText(json));

    [Fact]
    public async Task Start_InvalidFields_Answers400WithAnErrorPerField()
    {
        var (app, client, productId) = await TwoVersionsAsync();
        await using var _ = app;

        var problem = await ProblemAsync(await StartAsync(client, productId,
            """{ "challengerVersion": 1, "primaryMetric": "perf.accuracy", "minimumDetectableEffect": -1, "challengerShare": 0.99, "alpha": 0.5, "power": 0.3 }"""), 400);

        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToArray();
        Assert.Equal(["alpha", "challengerShare", "challengerVersion", "minimumDetectableEffect", "power", "primaryMetric"], errors);
        var typed = await ProblemAsync(await StartAsync(client, productId, """{ "challengerVersion": "two", "minimumDetectableEffect": "abc" }"""), 400);
        Assert.Equal(["challengerVersion", "minimumDetectableEffect", "primaryMetric"], typed.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToArray());
        Assert.Empty(await client.GetFromJsonAsync<JsonElement[]>($"/api/products/{productId}/experiments", Json) ?? []);
    }

    [Fact]
    public async Task Start_Valid_Answers201AndASecondWhileRunningAnswers409()
    {
        var (app, client, productId) = await TwoVersionsAsync();
        await using var _ = app;

        var created = await StartAsync(client, productId);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Json);
        var id = body.GetProperty("id").GetInt32();
        Assert.Equal($"/api/experiments/{id}", created.Headers.Location!.ToString());
        Assert.Equal(("Running", "MAE", 2), (body.GetProperty("status").GetString(), body.GetProperty("primaryMetricName").GetString(), body.GetProperty("challengerVersion").GetInt32()));
        var conflict = await ProblemAsync(await StartAsync(client, productId), 409);
        Assert.Contains("still running", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownIds_Answer404ProblemDetails()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();

        await ProblemAsync(await client.GetAsync("/api/experiments/404"), 404);
        await ProblemAsync(await client.GetAsync("/api/experiments/404/comparison.csv"), 404);
        await ProblemAsync(await client.GetAsync("/api/products/999/experiments"), 404);
        await ProblemAsync(await client.PostAsync("/api/products/999/experiments", JsonText("""{ "challengerVersion": 2, "primaryMetric": "perf.mae", "minimumDetectableEffect": 1 }""")), 404);
        await ProblemAsync(await client.PostAsync("/api/experiments/404/decision", JsonText("""{ "decision": "KeepChampion", "reason": "x" }""")), 404);
    }

    [Fact]
    public async Task Get_AfterALabelledBatch_HasLiveStatisticsAndExportsTheComparisonAsCsv()
    {
        var (app, client, productId) = await TwoVersionsAsync();
        await using var _ = app;
        var id = (await (await StartAsync(client, productId)).Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
        var upload = await client.PostAsync($"/api/products/{productId}/batches?fileName=w1.csv", CsvBody(TestSchemas.RegressionCsv(200, seed: 61, firstId: 3000)));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);

        var summary = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}", Json);

        Assert.Equal(200, summary.GetProperty("championRows").GetInt64() + summary.GetProperty("challengerRows").GetInt64());
        var primary = summary.GetProperty("primary");
        Assert.Equal("perf.mae", primary.GetProperty("metric").GetString());
        Assert.Equal("Mean", primary.GetProperty("kind").GetString());
        Assert.InRange(primary.GetProperty("pValue").GetDouble(), 0, 1);
        Assert.Equal(3, summary.GetProperty("secondary").GetArrayLength());
        Assert.False(summary.GetProperty("sampleRatio").GetProperty("mismatch").GetBoolean());

        var csv = await client.GetAsync($"/api/experiments/{id}/comparison.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimEnd().Split('\n');
        Assert.Equal(ExperimentCsv.Header, lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("perf.mae,MAE,yes,Welch t,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("perf.rmse,MSE (RMSE²),no,", lines[2], StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/experiments/{id}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var negotiated = await client.SendAsync(request);
        Assert.Equal(string.Join('\n', lines), (await negotiated.Content.ReadAsStringAsync()).TrimEnd());
    }

    [Fact]
    public async Task Decision_InvalidBody_Answers400PerFieldAndKeepChampionStopsWithWhoAndWhy()
    {
        var (app, client, productId) = await TwoVersionsAsync();
        await using var _ = app;
        var id = (await (await StartAsync(client, productId)).Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();

        var invalid = await ProblemAsync(await client.PostAsync($"/api/experiments/{id}/decision", JsonText("""{ "decision": "Maybe" }""")), 400);
        Assert.Equal(["decision", "reason"], invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToArray());

        var decided = await client.PostAsync($"/api/experiments/{id}/decision", JsonText("""{ "decision": "KeepChampion", "reason": "No better after 3 weeks" }"""));

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var body = await decided.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(("Stopped", "KeepChampion", "key:pm.alice", "No better after 3 weeks"), (body.GetProperty("status").GetString(), body.GetProperty("decision").GetString(),
            body.GetProperty("decidedBy").GetString(), body.GetProperty("decisionReason").GetString()));
        await ProblemAsync(await client.PostAsync($"/api/experiments/{id}/decision", JsonText("""{ "decision": "KeepRunning", "reason": "again" }""")), 409);
    }

    [Fact]
    public async Task Decision_ShipRefusedByAReleaseGate_Answers409NamingTheGateAndTheExperimentKeepsRunning()
    {
        var (app, client, productId) = await TwoVersionsAsync();
        await using var _ = app;
        var id = (await (await StartAsync(client, productId)).Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
        var gate = await client.PostAsync($"/api/products/{productId}/gates",
            JsonText("""{ "scope": "Release", "metricKey": "holdout.mae", "condition": "Lt", "threshold": 0.000001, "severity": "Critical", "name": "Near-perfect MAE" }"""));
        Assert.Equal(HttpStatusCode.Created, gate.StatusCode);

        var refused = await ProblemAsync(await client.PostAsync($"/api/experiments/{id}/decision", JsonText("""{ "decision": "ShipChallenger", "reason": "Looks better" }""")), 409);

        Assert.Contains("Near-perfect MAE", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var summary = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}", Json);
        Assert.Equal("Running", summary.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("decision").ValueKind);
        var models = await client.GetFromJsonAsync<JsonElement>($"/api/products/{productId}/models", Json);
        Assert.Equal("Champion", models.EnumerateArray().Single(m => m.GetProperty("number").GetInt32() == 1).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Metrics_RegressionProduct_ListsTheComparableMetricsWithUnits()
    {
        var (app, client, productId) = await TwoVersionsAsync();
        await using var _ = app;

        var metrics = await client.GetFromJsonAsync<JsonElement>($"/api/products/{productId}/experiments/metrics", Json);

        Assert.Equal(["perf.mae", "perf.rmse", "perf.mean_error", "prediction.mean"], metrics.EnumerateArray().Select(m => m.GetProperty("key").GetString()));
        Assert.Equal("label units", metrics[0].GetProperty("unit").GetString());
    }
}
