using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Api;

/// <summary>Direct loss estimation through the API: a regression whose noise grows with x; a batch of large x gets a
/// larger estimated MAE than a batch of small x before any label arrives, and the estimates land near the MAE the
/// labels then show.</summary>
public sealed class EstimationApiTests(EstimationApiTests.Fixture fixture) : ApiTestBase, IClassFixture<EstimationApiTests.Fixture>
{
    public static readonly ProductSchema Schema = new(
    [
        new("id", ColumnKind.Id, ColumnRole.RowKey),
        new("x", ColumnKind.Numeric),
        new("z", ColumnKind.Numeric),
        new("y", ColumnKind.Numeric, ColumnRole.Label),
    ]);

    /// <summary>x uniform in [from, to], y = x + z + noise with a standard deviation of 0.3·x.</summary>
    public static (string Csv, string Labels) Csv(int rows, int seed, int firstId, double from, double to)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var csv = new StringBuilder("id,x,z,y\n");
        var labels = new StringBuilder("id,y\n");
        for (var i = 0; i < rows; i++)
        {
            var x = from + (random.NextDouble() * (to - from));
            var z = random.NextDouble();
            var y = x + z + (0.3 * x * Normal());
            csv.Append(CultureInfo.InvariantCulture, $"e{firstId + i},{x:0.000},{z:0.000},{y:0.000}\n");
            labels.Append(CultureInfo.InvariantCulture, $"e{firstId + i},{y:0.000}\n");
        }
        return (csv.ToString(), labels.ToString());
    }

    private static string WithoutLabel(string csv) =>
        string.Join('\n', csv.TrimEnd('\n').Split('\n').Select(l => l[..l.LastIndexOf(',')])) + "\n";

    public sealed class Fixture : IAsyncLifetime
    {
        public DashboardAppFactory App { get; } = new();
        public int ProductId { get; private set; }
        public int Small { get; private set; }
        public int Large { get; private set; }

        public async Task InitializeAsync()
        {
            var client = App.CreateClient();
            ProductId = await CreateProductAsync(client, "Noisy", TaskType.Regression, Schema);
            var train = await client.PostAsync($"/api/products/{ProductId}/models/train",
                Multipart(TestSchemas.Utf8(Csv(2000, seed: 1, firstId: 1, from: 0, to: 10).Csv), "train.csv", "text/csv", ("trainer", "FastTree")));
            Assert.Equal("Succeeded", (await WaitForJobAsync(client, train.Headers.Location!.ToString())).GetProperty("state").GetString());
            var small = Csv(400, seed: 2, firstId: 10_000, from: 0, to: 3);
            var large = Csv(400, seed: 3, firstId: 20_000, from: 7, to: 10);
            Small = await UploadAsync(client, WithoutLabel(small.Csv));
            Large = await UploadAsync(client, WithoutLabel(large.Csv));
            foreach (var labels in new[] { small.Labels, large.Labels })
                Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/products/{ProductId}/labels", CsvBody(labels))).StatusCode);
        }

        private async Task<int> UploadAsync(HttpClient client, string csv)
        {
            var response = await client.PostAsync($"/api/products/{ProductId}/batches", CsvBody(csv));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private async Task<double> PointAsync(string key, int batch) =>
        (await fixture.App.CreateClientWithRole(DashboardRoles.Viewer).GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/metrics?key={key}&modelVersion=1", Json))
            .EnumerateArray().Single(p => p.GetProperty("batchId").GetInt32() == batch && !p.GetProperty("shadow").GetBoolean()).GetProperty("value").GetDouble();

    [Fact]
    public async Task EstimatedMae_NoisierRegion_HigherBeforeLabelsAndNearTheRealizedMae()
    {
        var keys = await fixture.App.CreateClientWithRole(DashboardRoles.Viewer).GetStringAsync($"/api/products/{fixture.ProductId}/metrics/keys");
        Assert.True(keys.Contains("estimated.mae", StringComparison.Ordinal), keys);
        var (small, large) = (await PointAsync("estimated.mae", fixture.Small), await PointAsync("estimated.mae", fixture.Large));

        Assert.True(large > 2 * small, $"estimated MAE {large:0.000} for large x against {small:0.000} for small x");
        foreach (var batch in new[] { fixture.Small, fixture.Large })
        {
            var (estimate, realized, se) = (await PointAsync("estimated.mae", batch), await PointAsync("perf.mae", batch), await PointAsync("estimated_se.mae", batch));
            Assert.True(Math.Abs(estimate - realized) <= 0.25 * realized, $"batch {batch}: estimated {estimate:0.000} (se {se:0.000}), realized {realized:0.000}");
        }
    }

    [Fact]
    public async Task EstimatedRmse_NoisierRegion_HigherBeforeLabelsNearTheRealizedRmseAndAtLeastTheMae()
    {
        var (small, large) = (await PointAsync("estimated.rmse", fixture.Small), await PointAsync("estimated.rmse", fixture.Large));

        Assert.True(large > 2 * small, $"estimated RMSE {large:0.000} for large x against {small:0.000} for small x");
        foreach (var batch in new[] { fixture.Small, fixture.Large })
        {
            var (estimate, realized, se) = (await PointAsync("estimated.rmse", batch), await PointAsync("perf.rmse", batch), await PointAsync("estimated_se.rmse", batch));
            Assert.True(Math.Abs(estimate - realized) <= 0.25 * realized, $"batch {batch}: estimated {estimate:0.000} (se {se:0.000}), realized {realized:0.000}");
            Assert.True(se > 0);
            Assert.True(estimate >= await PointAsync("estimated.mae", batch) * 0.95, $"batch {batch}: an RMSE below the MAE is impossible");
        }
    }
}
