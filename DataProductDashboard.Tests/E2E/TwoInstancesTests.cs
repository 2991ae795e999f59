using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DataProductDashboard.Bench;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Demo;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Tests.Api;
using DataProductDashboard.Tests.TestSupport;
using Npgsql;

namespace DataProductDashboard.Tests.E2E;

/// <summary>Two app processes on one PostgreSQL database and one data folder, as behind a load balancer.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TwoInstancesCollection
{
    public const string Name = "Two app instances on one PostgreSQL database";
}

/// <summary>Uploads spread over two instances are each stored once with their own batch number, every job runs once,
/// and a job whose instance is killed mid-run finishes on the survivor once its lease ran out.</summary>
[Collection(TwoInstancesCollection.Name)]
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan WorkTimeout = TimeSpan.FromSeconds(180);
    private readonly TempDirectory _data = new();
    private string _connectionString = "";
    private AppProcess _a = null!;
    private AppProcess _b = null!;
    private HttpClient _clientA = null!;
    private HttpClient _clientB = null!;
    private int _productId;

    private Dictionary<string, string> Settings => new()
    {
        ["Dashboard__DataDirectory"] = _data.Path,
        ["Dashboard__Database__Provider"] = "PostgreSql",
        ["ConnectionStrings__Dashboard"] = _connectionString,
        ["Dashboard__SeedDemo"] = "false",
        ["Dashboard__BackfillAfterDays"] = DashboardAppFactory.NoBackfillDetection,
        ["Dashboard__BackgroundBatchRows"] = "1000",
        ["Dashboard__JobLeaseSeconds"] = "2",
        ["Dashboard__RateLimits__ApiPerMinute"] = "1000000",
        ["Operations__Prometheus"] = "false",
        ["Logging__LogLevel__Default"] = "Information",
    };

    public async Task InitializeAsync()
    {
        _connectionString = PostgresServer.CreateDatabase();
        var (exit, output, error) = await AppProcess.RunCommandAsync(Settings, StartTimeout, "apikeys", "create", "--name", "two-instances", "--role", DashboardRoles.Admin);
        Assert.True(exit == 0, $"'apikeys create' exited with {exit}:\n{output}\n{error}");
        var key = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        var started = await Task.WhenAll(AppProcess.StartAsync(Settings, StartTimeout), AppProcess.StartAsync(Settings, StartTimeout));
        (_a, _b) = (started[0], started[1]);
        _clientA = Client(_a, key);
        _clientB = Client(_b, key);

        var created = await _clientA.PostAsJsonAsync("/api/products",
            new CreateProductRequest("Rentals (two instances)", "one database, two processes", "tests", TaskType.Regression, DemoProducts.BikeSchema), ApiTestBase.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        _productId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var training = new MultipartFormDataContent();
        var file = new ByteArrayContent(BikeShapedCsv.Generate(600, seed: 7, withLabel: true));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        training.Add(file, "file", "train.csv");
        training.Add(new StringContent("FastTree"), "trainer");
        var trained = await _clientB.PostAsync($"/api/products/{_productId}/models/train", training);
        Assert.True(trained.StatusCode == HttpStatusCode.Accepted, await trained.Content.ReadAsStringAsync());
        var job = await WaitForJobAsync(_clientB, (await trained.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.True(job.GetProperty("state").GetString() == "Succeeded", job.ToString());
    }

    public async Task DisposeAsync()
    {
        _clientA?.Dispose();
        _clientB?.Dispose();
        _a?.Dispose();
        _b?.Dispose();
        if (_connectionString.Length > 0)
            PostgresServer.DropDatabase(_connectionString);
        _data.Dispose();
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Upload_TenAtOnceSpreadOverBothInstances_EachStoredOnceWithItsOwnNumberAndEachJobRunOnce()
    {
        // Five small batches (stored in the request) and five large ones (queued jobs), alternating between the instances.
        var uploads = Enumerable.Range(0, 10).Select(i => (Client: i % 2 == 0 ? _clientA : _clientB, Rows: i < 5 ? 200 + i : 1500 + i, Name: $"upload-{i}.csv")).ToList();

        var answers = await Task.WhenAll(uploads.Select(u => UploadAsync(u.Client, BikeShapedCsv.Generate(u.Rows, seed: 100 + u.Rows), u.Name)));

        var jobIds = answers.Where(a => a.Status == HttpStatusCode.Accepted).Select(a => a.Body.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(5, jobIds.Count);
        Assert.Equal(5, answers.Count(a => a.Status == HttpStatusCode.Created));
        foreach (var id in jobIds)
        {
            var job = await WaitForJobAsync(jobIds.IndexOf(id) % 2 == 0 ? _clientA : _clientB, id);
            Assert.True(job.GetProperty("state").GetString() == "Succeeded", job.ToString());
            Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        }
        var batches = (await GetJsonAsync(_clientB, $"/api/products/{_productId}/batches?pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(uploads.Select(u => u.Name).Order(), batches.Select(b => b.GetProperty("fileName").GetString()).Order());
        Assert.Equal(Enumerable.Range(1, 10), batches.Select(b => b.GetProperty("number").GetInt32()).Order());
        Assert.Equal(uploads.Sum(u => u.Rows), batches.Sum(b => b.GetProperty("rowCount").GetInt32()));
        Assert.Equal(uploads.Sum(u => (long)u.Rows), await ScalarAsync($"SELECT COUNT(*) FROM \"Predictions\" WHERE \"ProductId\" = {_productId}"));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM (SELECT \"JobId\" FROM \"Batches\" WHERE \"JobId\" IS NOT NULL GROUP BY \"JobId\" HAVING COUNT(*) > 1) d"));
        foreach (var client in new[] { _clientA, _clientB })
        {
            var ready = await client.GetAsync("/health/ready");
            Assert.True(ready.StatusCode == HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Kill_InstanceRunningAJob_TheSurvivorTakesItOverAndStoresItOnce()
    {
        const int rows = 150_000;
        var accepted = await UploadAsync(_clientA, BikeShapedCsv.Generate(rows, seed: 5), "large.csv");
        Assert.Equal(HttpStatusCode.Accepted, accepted.Status);
        var jobId = accepted.Body.GetProperty("id").GetGuid();

        // Whichever instance claimed the job is killed while it runs; the other must finish it.
        var guard = Stopwatch.StartNew();
        string? owner;
        while ((owner = await OwnerAsync(jobId)) is null)
        {
            Assert.True(guard.Elapsed < WorkTimeout, "The job was never claimed.");
            await Task.Delay(20);
        }
        var (victim, survivor) = owner.Contains($":{_a.ProcessId}:", StringComparison.Ordinal) ? (_a, _clientB) : (_b, _clientA);
        victim.Kill();

        var job = await WaitForJobAsync(survivor, jobId);
        Assert.True(job.GetProperty("state").GetString() == "Succeeded", job.ToString());
        Assert.Equal(2, job.GetProperty("attempts").GetInt32());
        Assert.Equal(1, await ScalarAsync($"SELECT COUNT(*) FROM \"Batches\" WHERE \"JobId\" = '{jobId}'"));
        Assert.Equal(rows, await ScalarAsync($"SELECT COUNT(*) FROM \"Predictions\" p JOIN \"Batches\" b ON b.\"Id\" = p.\"BatchId\" WHERE b.\"JobId\" = '{jobId}'"));
        Assert.Equal(HttpStatusCode.OK, (await survivor.GetAsync("/health/ready")).StatusCode);
    }

    private static HttpClient Client(AppProcess app, string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = WorkTimeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(HttpClient client, byte[] csv, string fileName)
    {
        var body = new ByteArrayContent(csv);
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await client.PostAsync($"/api/products/{_productId}/batches?fileName={Uri.EscapeDataString(fileName)}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Accepted, $"{fileName}: {(int)response.StatusCode} {text}");
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> WaitForJobAsync(HttpClient client, Guid jobId)
    {
        var guard = Stopwatch.StartNew();
        while (true)
        {
            var job = await GetJsonAsync(client, $"/api/jobs/{jobId}");
            if (job.GetProperty("state").GetString() is "Succeeded" or "Failed")
                return job;
            if (guard.Elapsed > WorkTimeout)
                Assert.Fail($"Job {jobId} did not end within {WorkTimeout.TotalSeconds:F0} s: {job}\nA:\n{_a.RecentOutput}\nB:\n{_b.RecentOutput}");
            await Task.Delay(100);
        }
    }

    /// <summary>The instance holding the job's lease while it runs, read from the database.</summary>
    private async Task<string?> OwnerAsync(Guid jobId)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"LeaseOwner\" FROM \"Jobs\" WHERE \"Id\" = @id AND \"State\" = 'Running'", connection);
        command.Parameters.AddWithValue("id", jobId);
        return await command.ExecuteScalarAsync() as string;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
