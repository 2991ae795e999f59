using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Api;

public sealed class InferSchemaApiTests : ApiTestBase
{
    private static MultipartFormDataContent Sample(string csv, string fileName = "sample.csv", params (string, string)[] fields) =>
        Multipart(Encoding.UTF8.GetBytes(csv), fileName, "text/csv", fields);

    [Fact]
    public async Task InferSchema_GermanCredit_ProposalPostsAsIsTrainsAndAuditsABatch()
    {
        await using var app = new DashboardAppFactory();
        var scientist = app.CreateClientWithRole(DashboardRoles.DataScientist);
        var file = await File.ReadAllBytesAsync(RepoPaths.GermanCreditCsv);

        var inferred = await scientist.PostAsync("/api/products/infer-schema", Multipart(file, "german-credit.csv", "text/csv"));
        Assert.Equal(HttpStatusCode.OK, inferred.StatusCode);
        var body = await inferred.Content.ReadAsStringAsync();
        var proposal = JsonDocument.Parse(body).RootElement;
        Assert.Equal("german credit", proposal.GetProperty("name").GetString());
        Assert.Equal("BinaryClassification", proposal.GetProperty("task").GetString());
        Assert.Equal("2", proposal.GetProperty("schema").GetProperty("positiveClass").GetString());
        Assert.Equal(1000, proposal.GetProperty("inference").GetProperty("sampleRows").GetInt32());
        Assert.Equal(10, proposal.GetProperty("inference").GetProperty("preview").GetArrayLength());

        // The answer is the body POST /api/products takes ('inference' is ignored).
        var created = await scientist.PostAsync("/api/products", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();

        var train = await scientist.PostAsync($"/api/products/{id}/models/train",
            Multipart(file, "german-credit.csv", "text/csv", ("trainer", "FastTree")));
        Assert.Equal(HttpStatusCode.Accepted, train.StatusCode);
        Assert.Equal("Succeeded", (await WaitForJobAsync(scientist, train.Headers.Location!.ToString())).GetProperty("state").GetString());

        var lines = Encoding.UTF8.GetString(file).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var batch = await scientist.PostAsync($"/api/products/{id}/batches", Sample(string.Join('\n', lines.Take(201)) + "\n", "first.csv"));
        Assert.Equal(HttpStatusCode.Created, batch.StatusCode);
        var stored = await batch.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(200, stored.GetProperty("rowCount").GetInt32());

        // No row-key column: the app numbered the rows "batch:row", and labels join by those numbers.
        var batchId = stored.GetProperty("id").GetInt32();
        var predictions = await scientist.GetFromJsonAsync<JsonElement>($"/api/batches/{batchId}/predictions?pageSize=3", Json);
        Assert.Equal($"{batchId}:1", predictions.GetProperty("items")[0].GetProperty("rowKey").GetString());
        var labels = await scientist.PostAsync($"/api/products/{id}/labels", CsvBody($"row,credit_risk\n{batchId}:1,1\n{batchId}:2,2\n"));
        Assert.Equal(HttpStatusCode.OK, labels.StatusCode);
        Assert.Equal(2, (await labels.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("predictionsLabelled").GetInt32());
        var unknown = await scientist.PostAsync($"/api/products/{id}/labels", CsvBody($"row,credit_risk\n{batchId}:999,1\n"));
        Assert.Contains($"no prediction of this product has row key '{batchId}:999'", (await ProblemAsync(unknown, 400)).GetRawText());

        // Created with its default gates: the first batch adopted them and was judged by them.
        Assert.True(proposal.GetProperty("defaultGates").GetBoolean());
        var gates = await scientist.GetFromJsonAsync<JsonElement>($"/api/products/{id}/gates", Json);
        Assert.Contains(gates.EnumerateArray(), g => g.GetProperty("metricKey").GetString() == "drift.share");
        var judged = await scientist.GetFromJsonAsync<JsonElement>($"/api/batches/{stored.GetProperty("id").GetInt32()}/gates", Json);
        Assert.True(judged.GetArrayLength() > 5);
        Assert.DoesNotContain((await scientist.GetFromJsonAsync<JsonElement>($"/api/products/{id}/gates/proposals", Json)).EnumerateArray(),
            p => p.GetProperty("rule").GetProperty("scope").GetString() == "Batch");
    }

    [Fact]
    public async Task CreateProduct_WithoutDefaultGates_FirstBatchAddsNone()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);

        var batch = await client.PostAsync($"/api/products/{id}/batches", Sample(TestSchemas.RegressionCsv(50, withLabel: false), "b.csv"));

        Assert.Equal(HttpStatusCode.Created, batch.StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}/gates", Json)).EnumerateArray());
    }

    [Fact]
    public async Task InferSchema_Markers_AreCountedAndMissingInTheCreatedProduct()
    {
        await using var app = new DashboardAppFactory();
        var manager = app.CreateClientWithRole(DashboardRoles.ProductManager);
        var csv = "id,age,work,income\n" + string.Join('\n', Enumerable.Range(1, 40).Select(i =>
            $"r{i},{(i % 10 == 0 ? "NA" : (20 + i).ToString())},{(i % 4 == 0 ? "?" : i % 2 == 0 ? "Private" : "State-gov")},{(i % 3 == 0 ? ">50K" : "<=50K")}")) + "\n";

        var response = await manager.PostAsync("/api/products/infer-schema", Sample(csv, "adult.csv"));
        var proposal = await response.Content.ReadFromJsonAsync<JsonElement>(Json);

        var columns = proposal.GetProperty("inference").GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(4, columns["age"].GetProperty("missingByMarker").GetProperty("NA").GetInt32());
        Assert.Equal(10, columns["work"].GetProperty("missingByMarker").GetProperty("?").GetInt32());
        Assert.Equal("Numeric", columns["age"].GetProperty("kind").GetString());
        Assert.Equal(["NA", "?"], proposal.GetProperty("schema").GetProperty("missingMarkers").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(">50K", proposal.GetProperty("schema").GetProperty("positiveClass").GetString());
    }

    [Fact]
    public async Task Labels_ClassWithAStrayDot_AreRefusedWithRowAndValueAndNothingIsStored()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var rows = Enumerable.Range(1, 120).Select(i => $"r{i},{20 + i % 40},{(i % 3 == 0 ? "Private" : "State-gov")},{(i % 4 == 0 ? ">50K" : "<=50K")}").ToList();
        var sample = "id,age,work,income\n" + string.Join('\n', rows) + "\n";
        var proposal = await (await client.PostAsync("/api/products/infer-schema", Sample(sample, "adult.csv"))).Content.ReadAsStringAsync();
        var created = await client.PostAsync("/api/products", new StringContent(proposal, Encoding.UTF8, "application/json"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
        var train = await client.PostAsync($"/api/products/{id}/models/train", Sample(sample, "train.csv", ("trainer", "FastTree")));
        Assert.Equal("Succeeded", (await WaitForJobAsync(client, train.Headers.Location!.ToString())).GetProperty("state").GetString());
        var batch = "id,age,work\n" + string.Join('\n', Enumerable.Range(1, 30).Select(i => $"b{i},{30 + i},Private")) + "\n";
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/products/{id}/batches", Sample(batch, "b.csv"))).StatusCode);

        var labels = await client.PostAsync($"/api/products/{id}/labels", CsvBody("id,income\nb1,<=50K\nb2,>50K.\n"));

        var problem = await ProblemAsync(labels, 400);
        Assert.StartsWith("'>50K.' is not one of the declared categories (<=50K, >50K)", problem.GetProperty("errors").GetProperty("row 3, column 'income'")[0].GetString());
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}/batches", Json);
        Assert.Equal(0, stored.GetProperty("items")[0].GetProperty("labelledRows").GetInt32());
    }

    [Fact]
    public async Task InferSchema_ChosenLabelAndMarkers_AreUsed()
    {
        await using var app = new DashboardAppFactory();
        var csv = "id,a,b\nk1,1,x\nk2,2,y\nk3,-,x\n";

        var response = await app.CreateClient().PostAsync("/api/products/infer-schema", Sample(csv, "s.csv", ("label", "a"), ("markers", "-"), ("name", "Mine")));
        var proposal = await response.Content.ReadFromJsonAsync<JsonElement>(Json);

        Assert.Equal("Mine", proposal.GetProperty("name").GetString());
        Assert.Equal("Label", proposal.GetProperty("schema").GetProperty("columns")[1].GetProperty("role").GetString());
        Assert.Equal(["-"], proposal.GetProperty("schema").GetProperty("missingMarkers").EnumerateArray().Select(m => m.GetString()));
    }

    [Theory]
    [InlineData("39,State-gov,77516,Bachelors\n50,Self-emp,83311,Bachelors\n", "looks like data, not column names")]
    [InlineData("Sales report 2024\na,b,c\n1,2,3\n4,5,6\n", "is not a header")]
    [InlineData("a,b,c\n1,2\n", "row 2: expected 3 values")]
    public async Task InferSchema_FileItCannotRead_Returns400SayingWhatWasSeen(string csv, string expected)
    {
        await using var app = new DashboardAppFactory();

        var problem = await ProblemAsync(await app.CreateClient().PostAsync("/api/products/infer-schema", Sample(csv)), 400);

        Assert.Contains(expected, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task InferSchema_NameTaken_ProposesAFreeOne()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        await CreateProductAsync(client, "rentals", TaskType.Regression, TestSchemas.Regression);

        var proposal = await (await client.PostAsync("/api/products/infer-schema", Sample(TestSchemas.RegressionCsv(20), "rentals.csv"))).Content.ReadFromJsonAsync<JsonElement>(Json);

        Assert.Equal("rentals (2)", proposal.GetProperty("name").GetString());
    }

    [Fact]
    public async Task InferSchema_Viewer_Returns403()
    {
        await using var app = new DashboardAppFactory();

        var response = await app.CreateClientWithRole(DashboardRoles.Viewer).PostAsync("/api/products/infer-schema", Sample("a,b\n1,2\n"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
