using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Api;

/// <summary>Uploads honour Idempotency-Key, and the same file without a key is refused as a duplicate.</summary>
[Trait(Providers.Trait, Providers.Both)]
public sealed class IdempotencyApiTests : ApiTestBase
{
    private static readonly string Batch = TestSchemas.RegressionCsv(40, seed: 5, withLabel: false, firstId: 9000);

    [Fact]
    public async Task UploadBatch_SameKeySameFile_AnswersTheFirstBatchAgainAndStoresItOnce()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var productId = await CreateTrainedRegressionProductAsync(client);

        var first = await PostAsync(client, $"/api/products/{productId}/batches?fileName=a.csv", Batch, "key-1");
        var again = await PostAsync(client, $"/api/products/{productId}/batches?fileName=a.csv", Batch, "key-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32());
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(1, await app.CountBatchesAsync(productId));
    }

    [Fact]
    public async Task UploadBatch_SameKeyDifferentFile_Answers422AndStoresNothing()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var productId = await CreateTrainedRegressionProductAsync(client);
        await PostAsync(client, $"/api/products/{productId}/batches?fileName=a.csv", Batch, "key-2");
        var before = await app.CountStoredAsync();

        var other = await PostAsync(client, $"/api/products/{productId}/batches?fileName=a.csv",
            TestSchemas.RegressionCsv(40, seed: 6, withLabel: false, firstId: 9500), "key-2");

        var problem = await ProblemAsync(other, 422);
        Assert.Contains("key-2", problem.GetProperty("detail").GetString());
        Assert.Contains("different request", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await app.CountStoredAsync());
    }

    [Fact]
    public async Task UploadBatch_SameFileWithoutKey_Answers409NamingTheBatchUnlessAllowed()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var productId = await CreateTrainedRegressionProductAsync(client);
        var first = await PostAsync(client, $"/api/products/{productId}/batches?fileName=a.csv", Batch, key: null);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
        var before = await app.CountStoredAsync();

        var duplicate = await PostAsync(client, $"/api/products/{productId}/batches?fileName=copy.csv", Batch, key: null);

        var problem = await ProblemAsync(duplicate, 409);
        Assert.Contains($"batch #1 (id {id},", problem.GetProperty("detail").GetString());
        Assert.Equal(id, problem.GetProperty("batchId").GetInt32());
        Assert.Equal(before, await app.CountStoredAsync());
        var allowed = await PostAsync(client, $"/api/products/{productId}/batches?fileName=copy.csv&allowDuplicate=true", Batch, key: null);
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        Assert.Equal(2, await app.CountBatchesAsync(productId));
    }

    [Fact]
    public async Task UploadLabels_SameKeyTwice_JoinsOnceAndAnswersTheSame()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var productId = await CreateTrainedRegressionProductAsync(client);
        await PostAsync(client, $"/api/products/{productId}/batches?fileName=a.csv", Batch, key: null);
        const string labels = "id,cnt\nr9000,12\nr9001,13\n";

        var first = await PostAsync(client, $"/api/products/{productId}/labels", labels, "labels-1");
        var again = await PostAsync(client, $"/api/products/{productId}/labels", labels, "labels-1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task UploadBatch_KeyTooLong_Answers400NamingTheHeader()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var productId = await CreateTrainedRegressionProductAsync(client);

        var response = await PostAsync(client, $"/api/products/{productId}/batches?fileName=a.csv", Batch, new string('k', 201));

        var problem = await ProblemAsync(response, 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.Equal(0, await app.CountBatchesAsync(productId));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string csv, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
