using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Api;

public sealed class CompressedUploadTests : ApiTestBase
{
    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }

    [Fact]
    public async Task UploadBatch_GzippedCsv_IsDecompressedAndStoredUnderItsCsvName()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);

        var response = await client.PostAsync($"/api/products/{id}/batches",
            Multipart(Gzip(TestSchemas.RegressionCsv(40, withLabel: false)), "week.csv.gz", "application/gzip"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var batch = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(40, batch.GetProperty("rowCount").GetInt32());
        Assert.Equal("week.csv", batch.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task UploadBatch_CorruptGzip_Returns400AndStoresNothing()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);
        var bytes = Gzip(TestSchemas.RegressionCsv(40, withLabel: false));
        bytes[2] = 0; // an unknown compression method

        var problem = await ProblemAsync(await client.PostAsync($"/api/products/{id}/batches", Multipart(bytes, "week.csv.gz", "application/gzip")), 400);

        Assert.Contains("'week.csv.gz' is not a valid gzip file", problem.GetProperty("detail").GetString());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}/batches", Json)).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task InferSchema_GzippedSample_IsRead()
    {
        await using var app = new DashboardAppFactory();

        var response = await app.CreateClient().PostAsync("/api/products/infer-schema",
            Multipart(Gzip(await File.ReadAllTextAsync(RepoPaths.BikeHourCsv)), "hour.csv.gz", "application/gzip"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hour", (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("name").GetString());
    }
}
