using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Api;

public sealed class GatesApiTests : ApiTestBase, IClassFixture<GatesApiTests.Factory>
{
    public sealed class Factory : IAsyncLifetime
    {
        public DashboardAppFactory App { get; } = new();
        public int ProductId { get; private set; }

        public async Task InitializeAsync()
        {
            ProductId = await CreateTrainedRegressionProductAsync(App.CreateClient(), "Gated rentals");
            var response = await App.CreateClient().PostAsync($"/api/products/{ProductId}/batches",
                CsvBody(TestSchemas.RegressionCsv(40, seed: 5, withLabel: false, firstId: 500)));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private readonly Factory _factory;
    private readonly HttpClient _client;

    public GatesApiTests(Factory factory)
    {
        _factory = factory;
        _client = factory.App.CreateClient();
        _client.DefaultRequestHeaders.Authorization = new("Bearer", factory.App.NamedKey("pm.alice", DashboardRoles.Admin));
    }

    private string Gates => $"/api/products/{_factory.ProductId}/gates";

    private static StringContent JsonText(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Crud_CreateReadUpdateDelete_RoundTripsAndRecordsTheTrail()
    {
        var created = await _client.PostAsync(Gates, JsonText("""{ "metricKey": "drift.share", "condition": "Lt", "threshold": 0.5, "severity": "Critical", "name": "No dataset drift" }"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var rule = await created.Content.ReadFromJsonAsync<JsonElement>(Json);
        var id = rule.GetProperty("id").GetInt32();
        Assert.Equal($"{Gates}/{id}", created.Headers.Location!.ToString());
        Assert.Equal("Dataset drift share < 50 %", rule.GetProperty("text").GetString());
        Assert.Equal("key:pm.alice", rule.GetProperty("owner").GetString());

        var list = await _client.GetFromJsonAsync<JsonElement>(Gates + "?scope=Batch", Json);
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);

        var updated = await _client.PutAsync($"{Gates}/{id}", JsonText("""{ "metricKey": "drift.share", "condition": "Lte", "threshold": 0.3, "severity": "Warning" }"""));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("Warning", (await updated.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("severity").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"{Gates}/{id}")).StatusCode);
        await ProblemAsync(await _client.GetAsync($"{Gates}/{id}"), 404);

        var trail = await _client.GetFromJsonAsync<JsonElement>($"/api/products/{_factory.ProductId}/trail", Json);
        var mine = trail.EnumerateArray().Where(t => t.GetProperty("subject").GetString()!.Contains($"gate {id} ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["GateDeleted", "GateUpdated", "GateCreated"], mine.Select(t => t.GetProperty("action").GetString()));
        Assert.All(mine, t => Assert.Equal("key:pm.alice", t.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task Create_UnknownMetricKey_Is400NamingTheField()
    {
        var problem = await ProblemAsync(await _client.PostAsync(Gates, JsonText("""{ "metricKey": "dq.made_up", "condition": "Gt", "threshold": 1 }""")), 400);

        Assert.Contains("'dq.made_up' is not a metric", problem.GetProperty("errors").GetProperty("metricKey")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_BetweenWithMinAboveMax_Is400OnTheUpperThreshold()
    {
        var problem = await ProblemAsync(await _client.PostAsync(Gates,
            JsonText("""{ "metricKey": "dq.volume_ratio", "condition": "Between", "threshold": 3, "upperThreshold": 2 }""")), 400);

        Assert.Equal("The lower bound 3.000 is greater than the upper bound 2.000.", problem.GetProperty("errors").GetProperty("upperThreshold")[0].GetString());
    }

    [Fact]
    public async Task Create_ThresholdNotANumber_Is400NamingTheValue()
    {
        var problem = await ProblemAsync(await _client.PostAsync(Gates, JsonText("""{ "metricKey": "drift.share", "condition": "Lt", "threshold": "abc" }""")), 400);

        Assert.Equal("'abc' is not a number.", problem.GetProperty("errors").GetProperty("threshold")[0].GetString());
    }

    [Fact]
    public async Task Create_UnknownConditionAndMissingThreshold_ListsBothFields()
    {
        var problem = await ProblemAsync(await _client.PostAsync(Gates, JsonText("""{ "metricKey": "drift.share", "condition": "Roughly" }""")), 400);

        var errors = problem.GetProperty("errors");
        Assert.Contains("'Roughly' is not a GateCondition", errors.GetProperty("condition")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("'threshold' is required.", errors.GetProperty("threshold")[0].GetString());
    }

    [Fact]
    public async Task Create_MalformedJson_Is400AndNothingIsStored()
    {
        var before = (await _client.GetFromJsonAsync<JsonElement>(Gates, Json)).GetArrayLength();

        await ProblemAsync(await _client.PostAsync(Gates, JsonText("""{ "metricKey": "drift.share", """)), 400);

        Assert.Equal(before, (await _client.GetFromJsonAsync<JsonElement>(Gates, Json)).GetArrayLength());
    }

    [Fact]
    public async Task Create_FieldTwice_Is400NamingIt()
    {
        var problem = await ProblemAsync(await _client.PostAsync(Gates, JsonText("""{ "metricKey": "drift.share", "condition": "Lt", "threshold": 0.5, "Threshold": 0.4 }""")), 400);

        Assert.Equal("'Threshold' appears more than once.", problem.GetProperty("errors").GetProperty("Threshold")[0].GetString());
    }

    [Fact]
    public async Task Create_SegmentOnADatasetMetric_400SaysWhatIsMeasuredPerSegment()
    {
        var problem = await ProblemAsync(await _client.PostAsync(Gates, JsonText("""{ "metricKey": "drift.share", "condition": "Lt", "threshold": 0.5, "segment": "season=winter" }""")), 400);

        Assert.StartsWith("Dataset drift share is not measured per segment", problem.GetProperty("errors").GetProperty("segment")[0].GetString());
    }

    [Fact]
    public async Task Create_UnknownProduct_Is404() =>
        await ProblemAsync(await _client.PostAsync("/api/products/9999/gates", JsonText("""{ "metricKey": "drift.share", "condition": "Lt", "threshold": 0.5 }""")), 404);

    [Fact]
    public async Task Metrics_ListKeysWithCurrentValues()
    {
        var metrics = await _client.GetFromJsonAsync<JsonElement>($"{Gates}/metrics", Json);

        var rows = metrics.EnumerateArray().Single(m => m.GetProperty("key").GetString() == "batch.rows");
        Assert.Equal(40, rows.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Preview_AnswersTheLastBatchesOutcome()
    {
        var preview = await _client.PostAsync($"{Gates}/preview", JsonText("""{ "metricKey": "batch.rows", "condition": "Lt", "threshold": 10 }"""));

        var row = Assert.Single((await preview.Content.ReadFromJsonAsync<JsonElement>(Json)).EnumerateArray());
        Assert.Equal("Failed", row.GetProperty("outcome").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Evaluations_AfterABatch_AreListedAndExportedAsCsv()
    {
        var created = await _client.PostAsync(Gates, JsonText("""{ "metricKey": "batch.rows", "condition": "Gte", "threshold": 1, "name": "Batch not empty" }"""));
        var ruleId = (await created.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
        var batch = await _client.PostAsync($"/api/products/{_factory.ProductId}/batches", CsvBody(TestSchemas.RegressionCsv(12, seed: 6, withLabel: false, firstId: 900)));
        var batchId = (await batch.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();

        var page = await _client.GetFromJsonAsync<JsonElement>($"{Gates}/evaluations?ruleId={ruleId}&status=Passed", Json);
        var outcomes = await _client.GetFromJsonAsync<JsonElement>($"/api/batches/{batchId}/gates", Json);
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Gates}/evaluations?ruleId={ruleId}");
        request.Headers.Accept.ParseAdd("text/csv");
        var csv = await (await _client.SendAsync(request)).Content.ReadAsStringAsync();

        var detail = await _client.GetFromJsonAsync<JsonElement>($"/api/batches/{batchId}", Json);
        Assert.Contains(detail.GetProperty("gates").EnumerateArray(), g => g.GetProperty("ruleName").GetString() == "Batch not empty");
        Assert.Equal(1, page.GetProperty("totalCount").GetInt32());
        Assert.Contains(outcomes.EnumerateArray(), o => o.GetProperty("ruleName").GetString() == "Batch not empty" && o.GetProperty("status").GetString() == "Passed");
        Assert.StartsWith("at,rule_id,rule,scope,severity,batch_id", csv, StringComparison.Ordinal);
        Assert.Contains($",{ruleId},Batch not empty,Batch,Critical,{batchId},", csv, StringComparison.Ordinal);
        await ProblemAsync(await _client.GetAsync($"{Gates}/evaluations?status=Great"), 400);
    }

    [Fact]
    public async Task Cadence_NegativeHours_Is400()
    {
        var problem = await ProblemAsync(await _client.PutAsync($"/api/products/{_factory.ProductId}/cadence", JsonText("""{ "expectedCadenceHours": -3 }""")), 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("expectedCadenceHours", out _));
    }
}
