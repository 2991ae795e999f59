using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataProductDashboard.Tests.Api;

[Trait(Providers.Trait, Providers.Both)]
public sealed class KpisApiTests : ApiTestBase, IClassFixture<KpisApiTests.Factory>
{
    public sealed class Factory : IAsyncLifetime
    {
        public DashboardAppFactory App { get; } = new(maxUploadMegabytes: 1);
        public int ProductId { get; private set; }
        public int OtherProductId { get; private set; }

        public async Task InitializeAsync()
        {
            var client = App.CreateClient();
            ProductId = await CreateProductAsync(client, "KPI rentals", TaskType.Regression, TestSchemas.Regression);
            OtherProductId = await CreateProductAsync(client, "Other product", TaskType.Regression, TestSchemas.Regression);
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private readonly Factory _factory;
    private readonly HttpClient _client;

    public KpisApiTests(Factory factory)
    {
        _factory = factory;
        _client = factory.App.CreateClient();
        _client.DefaultRequestHeaders.Authorization = new("Bearer", factory.App.NamedKey("pm.alice", DashboardRoles.Admin));
    }

    private string Kpis => $"/api/products/{_factory.ProductId}/kpis";

    private static StringContent JsonText(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<int> CreateUploadedKpiAsync(string name)
    {
        var response = await _client.PostAsync(Kpis, JsonText($$"""{ "name": "{{name}}", "unit": "k€", "direction": "HigherIsBetter", "target": 100, "tolerance": 10, "period": "Week", "source": "Uploaded" }"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("definition").GetProperty("id").GetInt32();
    }

    private async Task<int> StoredValuesAsync(int kpiId)
    {
        var factory = _factory.App.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.KpiValues.CountAsync(v => v.KpiId == kpiId);
    }

    [Fact]
    public async Task Crud_CreateReadUpdateDelete_RoundTrips()
    {
        var created = await _client.PostAsync(Kpis, JsonText("""{ "name": "Mean temperature", "unit": "°C", "target": 15, "tolerance": 3, "period": "Day", "source": "BatchColumn", "aggregate": "Mean", "column": "temp", "runLength": 4 }"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var detail = await created.Content.ReadFromJsonAsync<JsonElement>(Json);
        var id = detail.GetProperty("definition").GetProperty("id").GetInt32();
        Assert.Equal($"{Kpis}/{id}", created.Headers.Location!.ToString());
        Assert.Equal("key:pm.alice", detail.GetProperty("definition").GetProperty("owner").GetString());
        Assert.Equal("NoData", detail.GetProperty("overview").GetProperty("status").GetString());

        var list = await _client.GetFromJsonAsync<JsonElement>(Kpis, Json);
        Assert.Contains(list.EnumerateArray(), k => k.GetProperty("id").GetInt32() == id && k.GetProperty("name").GetString() == "Mean temperature");

        var updated = await _client.PutAsync($"{Kpis}/{id}", JsonText("""{ "name": "Mean temperature", "target": 18, "period": "Week", "source": "BatchColumn", "aggregate": "Mean", "column": "temp" }"""));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var definition = (await updated.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("definition");
        Assert.Equal(18, definition.GetProperty("target").GetDouble());
        Assert.Equal("Week", definition.GetProperty("period").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"{Kpis}/{id}")).StatusCode);
        await ProblemAsync(await _client.GetAsync($"{Kpis}/{id}"), 404);
    }

    [Fact]
    public async Task Create_InvalidFields_Answers400KeyedByField()
    {
        var response = await _client.PostAsync(Kpis, JsonText("""{ "name": "", "target": "high", "tolerance": -2, "period": "Fortnight", "source": "BatchColumn", "aggregate": "Sum", "column": "season" }"""));

        var problem = await ProblemAsync(response, 400);
        var errors = problem.GetProperty("errors");
        Assert.Contains("is not a number", errors.GetProperty("target")[0].GetString());
        Assert.Contains("is not a KpiPeriod", errors.GetProperty("period")[0].GetString());
    }

    [Fact]
    public async Task Create_BadDefinition_Answers400NamingEachRule()
    {
        var response = await _client.PostAsync(Kpis, JsonText("""{ "name": "Seasons", "target": 1, "tolerance": -2, "source": "BatchColumn", "aggregate": "Sum", "column": "season", "runLength": 20 }"""));

        var errors = (await ProblemAsync(response, 400)).GetProperty("errors");
        Assert.Contains("≥ 0", errors.GetProperty("tolerance")[0].GetString());
        Assert.Contains("between 2 and 12", errors.GetProperty("runLength")[0].GetString());
        Assert.Contains("'season' is a Categorical column", errors.GetProperty("column")[0].GetString());
    }

    [Fact]
    public async Task UploadValues_Json_StoresThemAndReadsThemBack()
    {
        var id = await CreateUploadedKpiAsync("Revenue (JSON)");

        var response = await _client.PostAsync($"{Kpis}/{id}/values", JsonText("""{ "values": [ { "period": "2024-05-06", "value": 123.4 }, { "period": "2024-05-13", "value": "95" } ] }"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        var values = await _client.GetFromJsonAsync<JsonElement>($"{Kpis}/{id}/values", Json);

        Assert.Equal(2, result.GetProperty("added").GetInt32());
        Assert.Equal([123.4, 95.0], values.EnumerateArray().Select(v => v.GetProperty("value").GetDouble()));
        Assert.Equal(["OnTarget", "AtRisk"], values.EnumerateArray().Select(v => v.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task UploadValues_MultipartCsvThenRawCsv_ReplacesTheRepeatedPeriod()
    {
        var id = await CreateUploadedKpiAsync("Revenue (CSV)");

        var first = await _client.PostAsync($"{Kpis}/{id}/values", Multipart(Encoding.UTF8.GetBytes("period,value\n2024-05-06,120\n2024-05-13,80\n"), "revenue.csv", "text/csv"));
        var second = await _client.PostAsync($"{Kpis}/{id}/values?fileName=fix.csv", CsvBody("period,value\r\n2024-05-13,101\r\n"));
        var csv = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{Kpis}/{id}/values") { Headers = { { "Accept", "text/csv" } } });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, (await second.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("replaced").GetInt32());
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("period,arm,value,rows,status,complete,pending,relative_gap", lines[0]);
        Assert.StartsWith("2024-05-13,,101,1,OnTarget,true,false,", lines[2]);
        Assert.Equal(2, await StoredValuesAsync(id));
    }

    [Fact]
    public async Task UploadValues_BadPeriodInCsv_Answers400NamingRowAndColumnAndStoresNothing()
    {
        var id = await CreateUploadedKpiAsync("Revenue (bad period)");
        await _client.PostAsync($"{Kpis}/{id}/values", CsvBody("period,value\n2024-04-29,100\n"));

        var response = await _client.PostAsync($"{Kpis}/{id}/values", CsvBody("period,value\n2024-05-06,120\n2024-05-08,80\n"));

        var errors = (await ProblemAsync(response, 400)).GetProperty("errors");
        Assert.Equal("2024-05-08 is not the start of a week (weeks start on Monday: 2024-05-06)", errors.GetProperty("row 3, column 'period'")[0].GetString());
        Assert.Equal(1, await StoredValuesAsync(id));
    }

    [Fact]
    public async Task UploadValues_NonNumericValueInJson_Answers400NamingTheRowAndStoresNothing()
    {
        var id = await CreateUploadedKpiAsync("Revenue (bad value)");

        var response = await _client.PostAsync($"{Kpis}/{id}/values",
            JsonText("""{ "values": [ { "period": "2024-05-06", "value": 1 }, { "period": "2024-05-13", "value": "abc" }, { "period": "2024-05-20", "value": true } ] }"""));

        var errors = (await ProblemAsync(response, 400)).GetProperty("errors");
        Assert.StartsWith("'abc' is not a number", errors.GetProperty("values[1].value")[0].GetString());
        Assert.StartsWith("'true' is not a number", errors.GetProperty("values[2].value")[0].GetString());
        Assert.Equal(0, await StoredValuesAsync(id));
    }

    [Fact]
    public async Task UploadValues_UnknownKpiOrAnotherProductsKpi_Answers404()
    {
        var id = await CreateUploadedKpiAsync("Revenue (404)");

        var unknown = await _client.PostAsync($"{Kpis}/999999/values", CsvBody("period,value\n2024-05-06,1\n"));
        var elsewhere = await _client.PostAsync($"/api/products/{_factory.OtherProductId}/kpis/{id}/values", CsvBody("period,value\n2024-05-06,1\n"));
        var noProduct = await _client.GetAsync($"/api/products/999999/kpis");

        Assert.Contains("has no KPI 999999", (await ProblemAsync(unknown, 404)).GetProperty("detail").GetString());
        await ProblemAsync(elsewhere, 404);
        await ProblemAsync(noProduct, 404);
        Assert.Equal(0, await StoredValuesAsync(id));
    }

    [Fact]
    public async Task UploadValues_WrongContentType_Answers415()
    {
        var id = await CreateUploadedKpiAsync("Revenue (415)");

        var response = await _client.PostAsync($"{Kpis}/{id}/values", new StringContent("<values/>", Encoding.UTF8, "application/xml"));

        Assert.Contains("application/json", (await ProblemAsync(response, 415)).GetProperty("detail").GetString());
        Assert.Equal(0, await StoredValuesAsync(id));
    }

    [Fact]
    public async Task UploadValues_TooLarge_Answers413()
    {
        var id = await CreateUploadedKpiAsync("Revenue (413)");
        var big = "period,value\n" + string.Concat(Enumerable.Repeat("2024-05-06,1\n", 120_000));

        var response = await _client.PostAsync($"{Kpis}/{id}/values", CsvBody(big));

        await ProblemAsync(response, 413);
        Assert.Equal(0, await StoredValuesAsync(id));
    }

    [Fact]
    public async Task UploadValues_ComputedKpi_Answers409()
    {
        var created = await _client.PostAsync(Kpis, JsonText("""{ "name": "Temp sum", "target": 1, "source": "BatchColumn", "aggregate": "Sum", "column": "temp" }"""));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("definition").GetProperty("id").GetInt32();

        var response = await _client.PostAsync($"{Kpis}/{id}/values", CsvBody("period,value\n2024-05-06,1\n"));

        await ProblemAsync(response, 409);
    }

    [Fact]
    public async Task ProductsList_ProductWithAnOffTargetKpi_CarriesTheKpiSummary()
    {
        var id = await CreateUploadedKpiAsync("Revenue (portfolio)");
        await _client.PostAsync($"{Kpis}/{id}/values", CsvBody("period,value\n2024-05-06,50\n"));

        var products = await _client.GetFromJsonAsync<JsonElement>("/api/products", Json);
        var kpis = products.EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == _factory.ProductId).GetProperty("kpis");
        var other = products.EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == _factory.OtherProductId);

        Assert.Equal("OffTarget", kpis.GetProperty("worst").GetString());
        Assert.True(kpis.GetProperty("offTarget").GetInt32() >= 1);
        Assert.Equal(JsonValueKind.Null, other.GetProperty("kpis").ValueKind);
    }
}
