using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Api;

public sealed class ModelsApiTests(SharedApp shared) : ApiTestBase, IClassFixture<SharedApp>
{
    [Fact]
    public async Task Train_Returns202AndTheJobRegistersAChampionWithMetrics()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();

        var id = await CreateTrainedRegressionProductAsync(client);
        var models = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}/models", Json);

        var v1 = Assert.Single(models.EnumerateArray());
        Assert.Equal("Champion", v1.GetProperty("status").GetString());
        Assert.Equal("TrainedInApp", v1.GetProperty("source").GetString());
        Assert.True(v1.GetProperty("holdoutMetrics").GetProperty("r2").GetDouble() > 0.5);
        Assert.True(v1.GetProperty("trainingSeconds").GetDouble() > 0);
    }

    [Fact]
    public async Task Train_UnknownTrainer_Returns400NamingTheField()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateProductAsync(client, "Rentals", TaskType.Regression, TestSchemas.Regression);

        var response = await client.PostAsync($"/api/products/{id}/models/train",
            Multipart(TestSchemas.Utf8(TestSchemas.RegressionCsv(50)), "t.csv", "text/csv", ("trainer", "Magic")));

        var problem = await ProblemAsync(response, 400);
        Assert.Contains("'Magic' is not a trainer", problem.GetProperty("errors").GetProperty("trainer")[0].GetString());
    }

    [Fact]
    public async Task Train_BadCsv_Returns400AtOnceNamingRowAndColumn()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateProductAsync(client, "Rentals", TaskType.Regression, TestSchemas.Regression);
        var csv = TestSchemas.RegressionCsv(30).Replace("\nr5,", "\nr5,not-a-date-", StringComparison.Ordinal);

        var response = await client.PostAsync($"/api/products/{id}/models/train", Multipart(TestSchemas.Utf8(csv), "t.csv", "text/csv"));

        var problem = await ProblemAsync(response, 400);
        Assert.Contains("row 6, column 'day'", problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}/models", Json)).EnumerateArray());
    }

    [Fact]
    public async Task Upload_TrainedZip_Returns201AsChallengerAndPromoteMakesItChampion()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);
        var zip = Services.ModelRegistryServiceTests.TrainedElsewhere(seed: 5);

        var upload = await client.PostAsync($"/api/products/{id}/models", Multipart(zip, "v2.zip", "application/zip", ("notes", "retrained offline")));
        var again = await client.PostAsync($"/api/products/{id}/models", Multipart(zip, "v2-again.zip", "application/zip"));
        var promote = await client.PostAsync($"/api/products/{id}/models/2/promote", null);

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal("Challenger", (await upload.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        Assert.Contains("already registered as version 2", (await ProblemAsync(again, 409)).GetProperty("detail").GetString());
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}", Json)).GetProperty("championVersion").GetInt32());
    }

    [Theory]
    [InlineData("0.9")]
    [InlineData("0.01")]
    [InlineData("NaN")]
    [InlineData("-Infinity")]
    public async Task Train_HoldoutOutsideTheRange_Returns400WithTheRange(string holdout)
    {
        var client = shared.App.CreateClient();
        var id = shared.ProductId;

        var response = await client.PostAsync($"/api/products/{id}/models/train",
            Multipart(TestSchemas.Utf8(TestSchemas.RegressionCsv(50)), "t.csv", "text/csv", ("holdoutFraction", holdout)));

        var problem = await ProblemAsync(response, 400);
        Assert.Equal($"The hold-out fraction must be a number between 0.05 and 0.5; got '{holdout}'.", problem.GetProperty("errors").GetProperty("holdoutFraction")[0].GetString());
    }

    [Fact]
    public async Task Upload_WithReferenceCsv_AuditsLaterBatchesAgainstIt()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateProductAsync(client, "Rentals", TaskType.Regression, TestSchemas.Regression);
        using var form = Multipart(Services.ModelRegistryServiceTests.TrainedElsewhere(seed: 8), "model.zip", "application/zip");
        var reference = new ByteArrayContent(TestSchemas.Utf8(TestSchemas.RegressionCsv(300, seed: 8)));
        reference.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(reference, "reference", "training.csv");

        var upload = await client.PostAsync($"/api/products/{id}/models", form);
        var created = await client.PostAsync($"/api/products/{id}/batches", CsvBody(TestSchemas.RegressionCsv(50, seed: 9, withLabel: false)));
        var batch = await client.GetFromJsonAsync<JsonElement>(created.Headers.Location!.ToString(), Json);

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal(3, batch.GetProperty("audit").GetProperty("drift").GetProperty("columns").GetInt32());
    }

    [Fact]
    public async Task Upload_WithoutReference_StoresBatchesWithoutAudit()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateProductAsync(client, "Rentals", TaskType.Regression, TestSchemas.Regression);

        await client.PostAsync($"/api/products/{id}/models", Multipart(Services.ModelRegistryServiceTests.TrainedElsewhere(seed: 4), "model.zip", "application/zip"));
        var created = await client.PostAsync($"/api/products/{id}/batches", CsvBody(TestSchemas.RegressionCsv(20, withLabel: false)));
        var batch = await client.GetFromJsonAsync<JsonElement>(created.Headers.Location!.ToString(), Json);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.False(batch.TryGetProperty("audit", out var audit) && audit.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task Upload_CorruptZip_Returns400OnFieldFile()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateProductAsync(client, "Rentals", TaskType.Regression, TestSchemas.Regression);

        var problem = await ProblemAsync(await client.PostAsync($"/api/products/{id}/models", Multipart("not a zip"u8.ToArray(), "m.zip", "application/zip")), 400);

        Assert.Contains("is not a zip file", problem.GetProperty("errors").GetProperty("file")[0].GetString());
    }

    [Fact]
    public async Task Upload_ModelWhoseSchemaDoesNotFit_Returns400NamingTheColumn()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var rentals = await CreateTrainedRegressionProductAsync(client);
        var hash = (await client.GetFromJsonAsync<JsonElement>($"/api/products/{rentals}/models", Json))[0].GetProperty("fileHash").GetString();
        var zip = await File.ReadAllBytesAsync(Path.Combine(app.DataPath, "models", hash + ".zip"));
        var schema = TestSchemas.Regression with { Columns = [.. TestSchemas.Regression.Columns.Where(c => c.Name != "season")] };
        var other = await CreateProductAsync(client, "Other", TaskType.Regression, schema);

        var problem = await ProblemAsync(await client.PostAsync($"/api/products/{other}/models", Multipart(zip, "m.zip", "application/zip")), 400);

        Assert.Contains("column 'season'", problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Promote_UnknownVersion_Returns404()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateProductAsync(client, "Rentals", TaskType.Regression, TestSchemas.Regression);

        await ProblemAsync(await client.PostAsync($"/api/products/{id}/models/3/promote", null), 404);
    }

    [Fact]
    public async Task Get_UnknownJob_Returns404()
    {
        await using var app = new DashboardAppFactory();

        await ProblemAsync(await app.CreateClient().GetAsync($"/api/jobs/{Guid.NewGuid()}"), 404);
    }
}
