using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Api;

/// <summary>The strict input rules end to end: a declared timestamp format, ISO query times, the schema's format
/// round-tripped through the API. (The bad inputs themselves are the corpus: Api/BadInputs.)</summary>
public sealed partial class StrictInputApiTests : ApiTestBase
{
    [GeneratedRegex(@"(\d{4})-(\d{2})-(\d{2})")]
    private static partial Regex IsoDay();

    private static readonly ProductSchema GermanDays = TestSchemas.Regression with
    {
        Columns = [.. TestSchemas.Regression.Columns.Select(c => c.Name == "day" ? c with { Format = "dd.MM.yyyy" } : c)],
    };

    private static string German(string csv) => IsoDay().Replace(csv, "$3.$2.$1");

    [Fact]
    public async Task Upload_DeclaredFormat_TrainsAndScoresThatFormatAndRefusesIso()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateProductAsync(client, "German days", TaskType.Regression, GermanDays);

        var product = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}", Json);
        var day = product.GetProperty("schema").GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "day");
        Assert.Equal("dd.MM.yyyy", day.GetProperty("format").GetString());

        var train = await client.PostAsync($"/api/products/{id}/models/train",
            Multipart(TestSchemas.Utf8(German(TestSchemas.RegressionCsv(200))), "train.csv", "text/csv", ("trainer", "FastTree")));
        Assert.Equal(HttpStatusCode.Accepted, train.StatusCode);
        Assert.Equal("Succeeded", (await WaitForJobAsync(client, train.Headers.Location!.ToString())).GetProperty("state").GetString());

        var scored = await client.PostAsync($"/api/products/{id}/batches?fileName=b.csv", CsvBody(German(TestSchemas.RegressionCsv(30, seed: 5, withLabel: false))));
        Assert.Equal(HttpStatusCode.Created, scored.StatusCode);
        var batch = await scored.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.StartsWith("2024-01-01", batch.GetProperty("eventTimeFrom").GetString(), StringComparison.Ordinal);

        var iso = await client.PostAsync($"/api/products/{id}/batches?fileName=iso.csv", CsvBody(TestSchemas.RegressionCsv(5, withLabel: false)));
        var problem = await ProblemAsync(iso, 400);
        Assert.Contains("declared format 'dd.MM.yyyy' (e.g. 31.03.2012)", problem.GetProperty("errors").GetProperty("row 2, column 'day'")[0].GetString());
        Assert.Equal(1, await app.CountBatchesAsync(id));
    }

    [Theory]
    [InlineData("2024-01-01")]
    [InlineData("2024-01-01T00:00:00Z")]
    [InlineData("2024-01-01T00:00:00.0000000%2B00:00")]
    public async Task Metrics_IsoFrom_Answers200(string from)
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateProductAsync(client, "Rentals", TaskType.Regression, TestSchemas.Regression);

        var response = await client.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/api/products/{id}/metrics?key=drift.share&from={from}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_NonIsoFrom_Answers400NamingFrom()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateProductAsync(client, "Rentals", TaskType.Regression, TestSchemas.Regression);

        var problem = await ProblemAsync(await client.GetAsync($"/api/products/{id}/metrics?key=drift.share&from=01/03/2024"), 400);

        Assert.Contains("'01/03/2024' is not a date/time (ISO 8601", problem.GetProperty("errors").GetProperty("from")[0].GetString());
    }
}
