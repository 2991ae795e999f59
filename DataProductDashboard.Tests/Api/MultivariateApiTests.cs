using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Api;

/// <summary>Multivariate drift through the API: two features that move together in training move against each other in
/// a batch whose every column alone looks the same; the reconstruction error leaves its band and novel rows appear,
/// while no per-column drift test fires.</summary>
public sealed class MultivariateApiTests(MultivariateApiTests.Fixture fixture) : ApiTestBase, IClassFixture<MultivariateApiTests.Fixture>
{
    public static readonly ProductSchema Schema = new(
    [
        new("id", ColumnKind.Id, ColumnRole.RowKey),
        new("x1", ColumnKind.Numeric),
        new("x2", ColumnKind.Numeric),
        new("x3", ColumnKind.Numeric),
        new("y", ColumnKind.Numeric, ColumnRole.Label),
    ]);

    /// <summary>x1 standard normal, x2 = ±x1 (sign <paramref name="correlation"/>) plus a little noise, x3 independent.</summary>
    public static string Csv(int rows, int seed, int firstId, int correlation, bool withLabel)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var csv = new StringBuilder(withLabel ? "id,x1,x2,x3,y\n" : "id,x1,x2,x3\n");
        for (var i = 0; i < rows; i++)
        {
            var x1 = Normal();
            var x2 = (correlation * x1) + (0.2 * Normal());
            var x3 = Normal();
            csv.Append(CultureInfo.InvariantCulture, $"m{firstId + i},{x1:0.0000},{x2:0.0000},{x3:0.0000}");
            if (withLabel)
                csv.Append(CultureInfo.InvariantCulture, $",{(2 * x1) + x3 + (0.1 * Normal()):0.0000}");
            csv.Append('\n');
        }
        return csv.ToString();
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public DashboardAppFactory App { get; } = new();
        public int ProductId { get; private set; }
        public int SameBatch { get; private set; }
        public int FlippedBatch { get; private set; }

        public async Task InitializeAsync()
        {
            var client = App.CreateClient();
            ProductId = await CreateProductAsync(client, "Correlated", TaskType.Regression, Schema);
            var train = await client.PostAsync($"/api/products/{ProductId}/models/train",
                Multipart(TestSchemas.Utf8(Csv(1000, seed: 1, firstId: 1, correlation: 1, withLabel: true)), "train.csv", "text/csv", ("trainer", "FastTree")));
            Assert.Equal("Succeeded", (await WaitForJobAsync(client, train.Headers.Location!.ToString())).GetProperty("state").GetString());
            SameBatch = await UploadAsync(client, Csv(400, seed: 2, firstId: 10_000, correlation: 1, withLabel: false));
            FlippedBatch = await UploadAsync(client, Csv(400, seed: 3, firstId: 20_000, correlation: -1, withLabel: false));
        }

        private async Task<int> UploadAsync(HttpClient client, string csv)
        {
            var response = await client.PostAsync($"/api/products/{ProductId}/batches", CsvBody(csv));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private async Task<double> PointAsync(string key, int batch, string? column = null) =>
        (await fixture.App.CreateClientWithRole(DashboardRoles.Viewer).GetFromJsonAsync<JsonElement>(
            $"/api/products/{fixture.ProductId}/metrics?key={key}{(column is null ? "" : $"&column={column}")}", Json))
            .EnumerateArray().Single(p => p.GetProperty("batchId").GetInt32() == batch).GetProperty("value").GetDouble();

    [Fact]
    public async Task CorrelationFlip_UnchangedMarginals_RaisesTheMultivariateSignalAndNoUnivariateOne()
    {
        Assert.Equal(1, await PointAsync("drift.multivariate.detected", fixture.FlippedBatch));
        Assert.Equal(0, await PointAsync("drift.multivariate.detected", fixture.SameBatch));
        Assert.True(await PointAsync("drift.multivariate.error", fixture.FlippedBatch) > await PointAsync("drift.multivariate.upper", fixture.FlippedBatch));
        foreach (var column in new[] { "x1", "x2", "x3" })
            Assert.Equal(0, await PointAsync("drift.column.detected", fixture.FlippedBatch, column));
    }

    [Fact]
    public async Task NovelRows_CorrelationFlip_SeveralTimesTheOnePercentOfTheTrainingRows()
    {
        // One component keeps 65 % here (x1 and x2 together); x3 stays in the residual, so only rows whose x1 is far
        // from 0 stand out above the training rows' 99th-percentile error.
        var novel = await PointAsync("coverage.novel_share", fixture.FlippedBatch);
        Assert.True(novel > 0.05, $"novel share {novel}");
        Assert.InRange(await PointAsync("coverage.novel_share", fixture.SameBatch), 0, 0.03);
    }
}
