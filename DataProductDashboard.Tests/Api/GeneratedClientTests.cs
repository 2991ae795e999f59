using System.Text.Json;
using DashboardRoles = DataProductDashboard.Domain.DashboardRoles;
using DataProductDashboard.Tests.Api.Generated;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Api;

/// <summary>The C# client NSwag generates from the committed OpenAPI document at build time (see the test project file)
/// drives the API end to end: a generated client is usable as it is.</summary>
public sealed class GeneratedClientTests(GeneratedClientTests.TrainedProduct trained) : IClassFixture<GeneratedClientTests.TrainedProduct>
{
    /// <summary>One app with one product whose first version the generated client trained (each test sends its own batch).</summary>
    public sealed class TrainedProduct : IAsyncLifetime
    {
        public DashboardAppFactory App { get; } = new();
        public DashboardApiClient Client { get; private set; } = null!;
        public int ProductId { get; private set; }

        public async Task InitializeAsync() => (Client, ProductId) = await TrainedProductAsync(App);

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private static FileParameter Csv(string csv, string fileName) => new(new MemoryStream(TestSchemas.Utf8(csv).ToArray()), fileName, "text/csv");

    private static async Task<(DashboardApiClient Client, int ProductId)> TrainedProductAsync(DashboardAppFactory app)
    {
        var client = new DashboardApiClient(app.CreateClientWithRole(DashboardRoles.Admin));
        // The schema as the API takes it, through the generated model.
        var schema = JsonSerializer.Deserialize<Generated.ProductSchema>(JsonSerializer.Serialize(TestSchemas.Regression, ApiTestBase.Json), ApiTestBase.Json)!;
        var product = await client.CreateProductAsync(new CreateProductRequest { Name = "Generated client", Task = Generated.TaskType.Regression, Schema = schema });
        var job = await client.TrainModelVersionAsync(product.Id, Csv(TestSchemas.RegressionCsv(200), "train.csv"), Trainer.FastTree, seed: 7);
        for (var waited = 0; job.State is JobState.Queued or JobState.Running && waited < 1200; waited++)
        {
            await Task.Delay(50);
            job = await client.GetJobAsync(job.Id);
        }
        Assert.Equal(JobState.Succeeded, job.State);
        return (client, product.Id);
    }

    [Fact]
    public async Task GeneratedClient_UploadsABatch_AndReadsItBackWithItsNumbers()
    {
        var (client, productId) = (trained.Client, trained.ProductId);

        var batch = await client.UploadBatchAsync(productId, Csv(TestSchemas.RegressionCsv(50, seed: 3, withLabel: false), "batch.csv"));

        Assert.Equal(50, batch.RowCount);
        Assert.True(batch.ScoringSeconds > 0);
        var listed = await client.ListBatchesAsync(productId, q: "batch.csv");
        Assert.Equal(batch.Id, Assert.Single(listed.Items).Id);
        Assert.Equal(50, (await client.GetBatchAsync(batch.Id)).Batch.RowCount);
    }

    [Fact]
    public async Task GeneratedClient_GetProductReport_HandsBackTheHtmlFile()
    {
        var (client, productId) = (trained.Client, trained.ProductId);

        using var report = await client.GetProductReportAsync(productId);
        using var reader = new StreamReader(report.Stream);

        Assert.Equal(200, report.StatusCode);
        Assert.StartsWith("<!DOCTYPE html>", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task GeneratedClient_BadBatch_ThrowsTheProblemNamingRowAndColumn()
    {
        var (client, productId) = (trained.Client, trained.ProductId);
        var csv = TestSchemas.RegressionCsv(5, withLabel: false);
        var bad = string.Join('\n', csv.Split('\n').Select((line, i) => i == 3 ? string.Join(',', line.Split(',').Select((cell, c) => c == 1 ? "abc" : cell)) : line));

        var error = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => client.UploadBatchAsync(productId, Csv(bad, "bad.csv")));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("row 4", error.Result.AdditionalProperties["errors"].ToString(), StringComparison.Ordinal);
        Assert.Empty((await client.ListBatchesAsync(productId, q: "bad.csv")).Items);
    }
}
