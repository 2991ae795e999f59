using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Api.BadInputs;

/// <summary>One app for the whole corpus: a trained regression product with one scored batch (row keys b1…b20), a
/// gate rule, an uploaded KPI and an e-mail channel, so that every path of the corpus exists.</summary>
public sealed class BadInputCorpusFixture : ApiTestBase, IAsyncLifetime
{
    public DashboardAppFactory Factory { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Ids { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        Client = Factory.CreateClient();
        var product = await CreateTrainedRegressionProductAsync(Client, "Corpus rentals");
        var csv = TestSchemas.RegressionCsv(20, seed: 3, withLabel: false).Replace("\nr", "\nb", StringComparison.Ordinal);
        var batch = await IdOfAsync(await Client.PostAsync($"/api/products/{product}/batches?fileName=good.csv", CsvBody(csv)));
        var gate = await IdOfAsync(await Client.PostAsync($"/api/products/{product}/gates",
            BadInput.Json("""{ "metricKey": "drift.share", "condition": "Lt", "threshold": 0.9 }""")));
        var kpi = await IdOfAsync(await Client.PostAsync($"/api/products/{product}/kpis", BadInput.Json("""{ "name": "Rentals", "target": 100 }""")));
        var channel = await IdOfAsync(await Client.PostAsync($"/api/products/{product}/channels",
            BadInput.Json("""{ "name": "ops", "kind": "Email", "target": "ops@example.com" }""")));
        Ids = new Dictionary<string, string>
        {
            ["{p}"] = product.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{batch}"] = batch,
            ["{gate}"] = gate,
            ["{kpi}"] = kpi,
            ["{channel}"] = channel,
        };
    }

    private static async Task<string> IdOfAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        var id = body.TryGetProperty("id", out var direct) ? direct : body.GetProperty("definition").GetProperty("id");
        return id.GetRawText();
    }

    public string Resolve(string path) => Ids.Aggregate(path, (p, id) => p.Replace(id.Key, id.Value, StringComparison.Ordinal));

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
