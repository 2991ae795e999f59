using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace DataProductDashboard.Tests.Api;

[Trait(Providers.Trait, Providers.Both)]
public sealed class InsightsApiTests : ApiTestBase, IClassFixture<InsightsApiTests.Factory>
{
    public sealed class Factory : IAsyncLifetime
    {
        public DashboardAppFactory App { get; } = new();
        public int ProductId { get; private set; }
        public int BatchId { get; private set; }

        public async Task InitializeAsync()
        {
            var client = App.CreateClient();
            ProductId = await CreateTrainedRegressionProductAsync(client, "Insightful rentals");
            var gate = await client.PostAsync($"/api/products/{ProductId}/gates", new StringContent(
                """{"scope":"Batch","metricKey":"batch.rows","condition":"Gt","threshold":1000,"severity":"Critical","name":"At least a thousand rows"}""",
                Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, gate.StatusCode);
            var response = await client.PostAsync($"/api/products/{ProductId}/batches", CsvBody(TestSchemas.RegressionCsv(40, seed: 5, withLabel: false, firstId: 500)));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            BatchId = (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private readonly Factory _factory;
    private readonly HttpClient _client;

    public InsightsApiTests(Factory factory)
    {
        _factory = factory;
        _client = factory.App.CreateClient();
    }

    [Fact]
    public async Task Get_ProductWithAFailedGate_ListsTheCriticalGateInsightFirstWithEvidence()
    {
        var body = await _client.GetFromJsonAsync<JsonElement>($"/api/products/{_factory.ProductId}/insights", Json);

        Assert.Equal(_factory.ProductId, body.GetProperty("productId").GetInt32());
        Assert.Equal("Insightful rentals", body.GetProperty("productName").GetString());
        var first = body.GetProperty("insights")[0];
        Assert.Equal("Critical", first.GetProperty("severity").GetString());
        Assert.Equal("Gates", first.GetProperty("topic").GetString());
        Assert.Equal("The latest batch failed a critical gate: 'At least a thousand rows'.", first.GetProperty("sentence").GetString());
        Assert.Equal($"/batches/{_factory.BatchId}", first.GetProperty("evidence")[0].GetProperty("href").GetString());
        var topics = body.GetProperty("insights").EnumerateArray().Select(i => i.GetProperty("topic").GetString()).ToList();
        Assert.Contains("Data", topics);
        Assert.Contains("Model", topics);
    }

    [Fact]
    public async Task Get_KpiOffTargetForASustainedRun_SaysSoWithItsClassificationAndLinksTheKpi()
    {
        var productId = await CreateProductAsync(_client, "Revenue only", DataProductDashboard.Domain.TaskType.Regression, TestSchemas.Regression);
        var kpi = await _client.PostAsync($"/api/products/{productId}/kpis", new StringContent(
            """{"name":"Weekly revenue","unit":"kEUR","direction":"HigherIsBetter","target":100,"tolerance":10,"period":"Week","source":"Uploaded","runLength":3}""",
            Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, kpi.StatusCode);
        var kpiId = (await kpi.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
        var values = await _client.PostAsync($"/api/products/{productId}/kpis/{kpiId}/values", new StringContent(
            """{"values":[{"period":"2024-05-06","value":104},{"period":"2024-05-13","value":70},{"period":"2024-05-20","value":60},{"period":"2024-05-27","value":50}]}""",
            Encoding.UTF8, "application/json"));
        Assert.True(values.IsSuccessStatusCode, await values.Content.ReadAsStringAsync());

        var body = await _client.GetFromJsonAsync<JsonElement>($"/api/products/{productId}/insights", Json);

        var insight = Assert.Single(body.GetProperty("insights").EnumerateArray());
        Assert.Equal("Critical", insight.GetProperty("severity").GetString());
        Assert.StartsWith("Weekly revenue has been off target for 3 weeks in a row, 40% below target on average (latest 50 kEUR against a target of 100): business drift. ",
            insight.GetProperty("sentence").GetString());
        Assert.Equal($"/products/{productId}/kpis?kpi={kpiId}", insight.GetProperty("evidence")[0].GetProperty("href").GetString());
    }

    [Fact]
    public async Task Get_AcceptCsv_ReturnsOneRowPerInsight()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/products/{_factory.ProductId}/insights");
        request.Headers.Accept.ParseAdd("text/csv");

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd().Split('\n');
        Assert.Equal("product_id,product,severity,topic,at,sentence,evidence", lines[0]);
        Assert.StartsWith($"{_factory.ProductId},Insightful rentals,Critical,Gates,", lines[1]);
        Assert.Contains($"Batch #1: /batches/{_factory.BatchId}", lines[1]);
        var json = await _client.GetFromJsonAsync<JsonElement>($"/api/products/{_factory.ProductId}/insights", Json);
        Assert.Equal(json.GetProperty("insights").GetArrayLength(), lines.Length - 1);
    }

    [Fact]
    public async Task Get_UnknownProduct_Returns404ProblemDetails()
    {
        var problem = await ProblemAsync(await _client.GetAsync("/api/products/9999/insights"), 404);

        Assert.Contains("9999", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GetReport_KnownProduct_ReturnsASelfContainedHtmlAttachmentWithAbsoluteLinks()
    {
        var response = await _client.GetAsync($"/api/products/{_factory.ProductId}/report");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^insightful-rentals-report-\d{4}-\d{2}-\d{2}\.html$", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var html = await response.Content.ReadAsStringAsync();
        var baseUrl = _factory.App.Services.GetRequiredService<DataProductDashboard.Services.Notifications.PublicBaseUrl>().Value;
        Assert.Contains($"href=\"{baseUrl}/batches/{_factory.BatchId}\"", html);
        Assert.DoesNotContain("href=\"/", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("The latest batch failed a <abbr", html);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(html, "<svg "));
        Assert.Contains("No labelled batches yet", html);
        Assert.Contains("<dt>critical gate</dt>", html);
    }

    [Fact]
    public async Task GetReport_ViewerSignedIn_DownloadsTheReportAsTheButtonDoes()
    {
        using var browser = await _factory.App.SignedInClientAsync("Viewer");

        var response = await browser.GetAsync($"/api/products/{_factory.ProductId}/report");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Insightful rentals: report</h1>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetReport_KeyForAnotherProduct_Returns403()
    {
        var other = await CreateProductAsync(_client, "Someone else's report", DataProductDashboard.Domain.TaskType.Regression, TestSchemas.Regression);
        using var client = _factory.App.CreateClientWithRole("Viewer", [other]);

        await ProblemAsync(await client.GetAsync($"/api/products/{_factory.ProductId}/report"), 403);
    }

    [Fact]
    public async Task GetReport_UnknownProduct_Returns404ProblemDetails()
    {
        var problem = await ProblemAsync(await _client.GetAsync("/api/products/9999/report"), 404);

        Assert.Contains("9999", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Digest_FormatCsv_CoversEveryProduct()
    {
        var digest = await _client.GetFromJsonAsync<JsonElement>("/api/insights", Json);
        Assert.Contains(digest.EnumerateArray(), p => p.GetProperty("productId").GetInt32() == _factory.ProductId);

        var csv = await _client.GetStringAsync("/api/insights?format=csv");

        Assert.Contains("Insightful rentals,Critical,Gates", csv);
    }
}
