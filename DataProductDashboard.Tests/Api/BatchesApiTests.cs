using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Api;

public sealed class BatchesApiTests(SharedApp shared) : ApiTestBase, IClassFixture<SharedApp>
{
    [Fact]
    public async Task Post_MultipartBatch_Returns201WithLocationAndSummary()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);

        var response = await client.PostAsync($"/api/products/{id}/batches",
            Multipart(TestSchemas.Utf8(TestSchemas.RegressionCsv(120, seed: 3, withLabel: false)), "week-01.csv", "text/csv"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var batch = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(120, batch.GetProperty("rowCount").GetInt32());
        Assert.Equal("week-01.csv", batch.GetProperty("fileName").GetString());
        Assert.Equal("Api", batch.GetProperty("source").GetString());
        Assert.Equal($"/api/batches/{batch.GetProperty("id").GetInt32()}", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Get_BatchesOfTwoProducts_NumberEachProductFromOneBesideTheGlobalId()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var first = await CreateTrainedRegressionProductAsync(client, "First");
        var second = await CreateTrainedRegressionProductAsync(client, "Second");
        await client.PostAsync($"/api/products/{first}/batches", Multipart(TestSchemas.Utf8(TestSchemas.RegressionCsv(20, seed: 3, withLabel: false)), "a.csv", "text/csv"));

        var posted = await client.PostAsync($"/api/products/{second}/batches",
            Multipart(TestSchemas.Utf8(TestSchemas.RegressionCsv(20, seed: 4, withLabel: false, firstId: 500)), "b.csv", "text/csv"));

        var created = await posted.Content.ReadFromJsonAsync<JsonElement>(Json);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(1, created.GetProperty("number").GetInt32());
        Assert.NotEqual(1, id);
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/batches/{id}", Json);
        Assert.Equal((id, 1), (detail.GetProperty("batch").GetProperty("id").GetInt32(), detail.GetProperty("batch").GetProperty("number").GetInt32()));
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/products/{second}/batches", Json);
        Assert.Equal(1, list.GetProperty("items")[0].GetProperty("number").GetInt32());
        var csv = await client.GetStringAsync($"/api/products/{second}/batches?format=csv");
        Assert.StartsWith("id,number,received_at", csv, StringComparison.Ordinal);
        Assert.StartsWith($"{id},1,", csv.Split('\n')[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TextCsvBody_UsesTheFileNameFromTheQuery()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);

        var response = await client.PostAsync($"/api/products/{id}/batches?fileName=raw.csv", CsvBody(TestSchemas.RegressionCsv(30, withLabel: false)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("raw.csv", (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task Post_LargeBatch_Returns202AndTheStatusUrlReportsRowsUntilDone()
    {
        await using var app = new DashboardAppFactory(backgroundBatchRows: 500);
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);

        var response = await client.PostAsync($"/api/products/{id}/batches", CsvBody(TestSchemas.RegressionCsv(2000, withLabel: false)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(2000, accepted.GetProperty("rowsTotal").GetInt32());
        var job = await WaitForJobAsync(client, response.Headers.Location!.ToString());
        Assert.Equal("Succeeded", job.GetProperty("state").GetString());
        Assert.Equal(2000, job.GetProperty("rowsDone").GetInt32());
        var batch = await client.GetFromJsonAsync<JsonElement>($"/api/batches/{job.GetProperty("batchId").GetInt32()}", Json);
        Assert.Equal(2000, batch.GetProperty("batch").GetProperty("rowCount").GetInt32());
    }

    [Fact]
    public async Task Post_NonNumericValue_Returns400NamingRowAndColumnAndStoresNothing()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);
        var csv = TestSchemas.RegressionHeader + "\nr1,2024-01-01,4,0.5,summer\nr2,2024-01-01,warm,0.5,summer\n";

        var problem = await ProblemAsync(await client.PostAsync($"/api/products/{id}/batches", CsvBody(csv)), 400);

        Assert.Equal("'warm' is not a number", problem.GetProperty("errors").GetProperty("row 3, column 'temp'")[0].GetString());
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}/batches", Json);
        Assert.Equal(0, list.GetProperty("totalCount").GetInt32());
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "batches")) && Directory.EnumerateFiles(Path.Combine(app.DataPath, "batches")).Any());
    }

    [Theory]
    [InlineData("", "file")]
    [InlineData(TestSchemas.RegressionHeader + "\n", "row 2")]
    [InlineData("id,day,temp,season\nr1,2024-01-01,1,summer\n", "column 'hum'")]
    [InlineData(TestSchemas.RegressionHeader + ",extra\nr1,2024-01-01,1,0.5,summer,9\n", "column 'extra'")]
    [InlineData(TestSchemas.RegressionHeader + "\nr1,2024-01-01,1,0.5\n", "row 2")]
    [InlineData(TestSchemas.RegressionHeader + "\nr1,2024-01-01,1,0.5,\"summer\nr2,2024-01-01,1,0.5,summer\n", "row 2, column 'season'")]
    [InlineData(TestSchemas.RegressionHeader + "\nr1,2024-01-01,1,0.5,monsoon\n", "row 2, column 'season'")]
    [InlineData("Weekly export\n" + TestSchemas.RegressionHeader + "\nr1,2024-01-01,1,0.5,summer\n", "file")]
    public async Task Post_BadCsv_Returns400WithTheErrorKey(string csv, string key)
    {
        var client = shared.App.CreateClient();

        var problem = await ProblemAsync(await client.PostAsync($"/api/products/{shared.ProductId}/batches", CsvBody(csv)), 400);

        Assert.Contains(key, problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(0, await shared.App.CountBatchesAsync(shared.ProductId));
    }

    [Fact]
    public async Task Post_Latin1File_Returns400NamingTheRow()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);
        var bytes = Encoding.Latin1.GetBytes(TestSchemas.RegressionHeader + "\nr1,2024-01-01,1,0.5,summér\n");

        var problem = await ProblemAsync(await client.PostAsync($"/api/products/{id}/batches", Multipart(bytes, "latin1.csv", "text/csv")), 400);

        Assert.Contains("not valid UTF-8", problem.GetProperty("errors").GetProperty("row 2")[0].GetString());
    }

    [Fact]
    public async Task Post_OversizedUpload_Returns413()
    {
        await using var app = new DashboardAppFactory(maxUploadMegabytes: 1);
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);
        var big = TestSchemas.RegressionCsv(40_000, withLabel: false);
        Assert.True(big.Length > 1024 * 1024);

        var problem = await ProblemAsync(await client.PostAsync($"/api/products/{id}/batches", CsvBody(big)), 413);

        Assert.Contains("1 MB", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Post_WrongContentType_Returns415()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);

        var problem = await ProblemAsync(await client.PostAsJsonAsync($"/api/products/{id}/batches", new { rows = 1 }), 415);

        Assert.Contains("application/json", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Post_UnknownProduct_Returns404()
    {
        await using var app = new DashboardAppFactory();

        await ProblemAsync(await app.CreateClient().PostAsync("/api/products/77/batches", CsvBody("a\n1\n")), 404);
    }

    [Fact]
    public async Task Get_BatchesAndPredictions_ArePagedAndExportAsCsv()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);
        for (var i = 0; i < 3; i++)
            await client.PostAsync($"/api/products/{id}/batches?fileName=b{i}.csv", CsvBody(TestSchemas.RegressionCsv(25, seed: i, withLabel: false)));

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}/batches?page=1&pageSize=2", Json);
        var newest = page.GetProperty("items")[0];
        var predictions = await client.GetFromJsonAsync<JsonElement>($"/api/batches/{newest.GetProperty("id").GetInt32()}/predictions?pageSize=10", Json);
        var csv = await client.GetStringAsync($"/api/batches/{newest.GetProperty("id").GetInt32()}/predictions?format=csv");
        var batchesCsv = await client.GetStringAsync($"/api/products/{id}/batches?format=csv");

        Assert.Equal(3, page.GetProperty("totalCount").GetInt32());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.Equal("b2.csv", newest.GetProperty("fileName").GetString());
        Assert.Equal(25, predictions.GetProperty("totalCount").GetInt32());
        Assert.Equal(10, predictions.GetProperty("items").GetArrayLength());
        Assert.Equal(26, csv.TrimEnd().Split('\n').Length);
        Assert.Equal(4, batchesCsv.TrimEnd().Split('\n').Length);
    }

    [Fact]
    public async Task GetPredictionsCsv_RowKeyLooksLikeAFormula_ComesBackNeutralised()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);
        var lines = TestSchemas.RegressionCsv(5, withLabel: false).Split('\n');
        lines[1] = "=1+1" + lines[1][lines[1].IndexOf(',', StringComparison.Ordinal)..];
        var upload = await client.PostAsync($"/api/products/{id}/batches?fileName=formula.csv", CsvBody(string.Join('\n', lines)));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var batchId = (await upload.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/batches/{batchId}/predictions");
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var row = (await response.Content.ReadAsStringAsync()).Split('\n')[1].Split(',');
        Assert.Equal(["0", "'=1+1"], row[..2]);
        Assert.True(double.TryParse(row[2], System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    [Fact]
    public async Task Get_BatchesWithFilterSortAndDescAlias_AppliesThemToJsonAndCsv()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);
        foreach (var (name, rows) in new[] { ("north-1.csv", 30), ("south-1.csv", 10), ("north-2.csv", 20) })
            await client.PostAsync($"/api/products/{id}/batches?fileName={name}", CsvBody(TestSchemas.RegressionCsv(rows, withLabel: false)));

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}/batches?q=NORTH&sort=rows&desc=false", Json);
        var csv = await client.GetStringAsync($"/api/products/{id}/batches?format=csv&q=north&sort=Rows&descending=true");

        Assert.Equal(2, page.GetProperty("totalCount").GetInt32());
        Assert.Equal([20, 30], page.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("rowCount").GetInt32()));
        var lines = csv.TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Contains("north-1.csv", lines[1]);
    }

    [Theory]
    [InlineData("sort=bogus", "sort")]
    [InlineData("descending=maybe", "descending")]
    public async Task Get_BatchesWithBadSortParameters_Returns400NamingTheParameter(string query, string field)
    {
        var problem = await ProblemAsync(await shared.App.CreateClient().GetAsync($"/api/products/{shared.ProductId}/batches?{query}"), 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Get_UnknownBatch_Returns404()
    {
        var app = shared.App;

        var problem = await ProblemAsync(await app.CreateClient().GetAsync("/api/batches/12345"), 404);
        await ProblemAsync(await app.CreateClient().GetAsync("/api/batches/12345/predictions"), 404);

        Assert.Equal("Batch '12345' was not found.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Post_BadBatchAfterGoodOnes_LeavesStoredBatchesUntouched()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);
        await client.PostAsync($"/api/products/{id}/batches", CsvBody(TestSchemas.RegressionCsv(40, withLabel: false)));

        await client.PostAsync($"/api/products/{id}/batches", CsvBody("garbage"));
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}/batches", Json);

        Assert.Equal(1, list.GetProperty("totalCount").GetInt32());
        Assert.Equal(40, list.GetProperty("items")[0].GetProperty("rowCount").GetInt32());
    }
}
