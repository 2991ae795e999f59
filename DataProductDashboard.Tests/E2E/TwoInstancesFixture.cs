using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DataProductDashboard.Bench;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Access;
using DataProductDashboard.Services.Demo;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Tests.Api;
using DataProductDashboard.Tests.TestSupport;
using Npgsql;

namespace DataProductDashboard.Tests.E2E;

/// <summary>Two app processes on one PostgreSQL database, as behind a load balancer, each with a data directory of its
/// own: stored files reach the other instance through the database (<c>Dashboard:Database:Files</c>' default there).
/// Each test works on a product of its own; a test that kills an instance starts it again.</summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    public static readonly TimeSpan WorkTimeout = TimeSpan.FromSeconds(180);
    private readonly TempDirectory _dataA = new();
    private readonly TempDirectory _dataB = new();
    private string _key = "";

    public string ConnectionString { get; private set; } = "";
    public AppProcess A { get; private set; } = null!;
    public AppProcess B { get; private set; } = null!;
    public HttpClient ClientA { get; private set; } = null!;
    public HttpClient ClientB { get; private set; } = null!;

    /// <summary>A Viewer who signs in to the pages.</summary>
    public string ViewerEmail { get; } = "viewer@two-instances.test";
    public string ViewerPassword { get; } = PasswordGenerator.Create();

    private Dictionary<string, string> Settings(TempDirectory data) => new()
    {
        ["Dashboard__DataDirectory"] = data.Path,
        ["Dashboard__Database__Provider"] = "PostgreSql",
        ["ConnectionStrings__Dashboard"] = ConnectionString,
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
        ConnectionString = PostgresServer.CreateDatabase();
        var (exit, output, error) = await AppProcess.RunCommandAsync(Settings(_dataA), StartTimeout, "apikeys", "create", "--name", "two-instances", "--role", DashboardRoles.Admin);
        Assert.True(exit == 0, $"'apikeys create' exited with {exit}:\n{output}\n{error}");
        _key = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        (exit, output, error) = await AppProcess.RunCommandAsync(Settings(_dataA), StartTimeout, "users", "add", "--email", ViewerEmail, "--role", DashboardRoles.Viewer,
            "--password", ViewerPassword);
        Assert.True(exit == 0, $"'users add' exited with {exit}:\n{output}\n{error}");
        var started = await Task.WhenAll(AppProcess.StartAsync(Settings(_dataA), StartTimeout), AppProcess.StartAsync(Settings(_dataB), StartTimeout));
        (A, B) = (started[0], started[1]);
        ClientA = Client(A);
        ClientB = Client(B);
    }

    /// <summary>Starts a killed instance again on its own data directory.</summary>
    public async Task RestartAsync(AppProcess killed)
    {
        var isA = killed == A;
        killed.Dispose();
        var app = await AppProcess.StartAsync(Settings(isA ? _dataA : _dataB), StartTimeout);
        if (isA)
        {
            ClientA.Dispose();
            (A, ClientA) = (app, Client(app));
        }
        else
        {
            ClientB.Dispose();
            (B, ClientB) = (app, Client(app));
        }
    }

    /// <summary>A regression product created through A, its model trained by a job that B queued.</summary>
    public async Task<int> CreateTrainedProductAsync(string name)
    {
        var created = await ClientA.PostAsJsonAsync("/api/products",
            new CreateProductRequest(name, "one database, two processes", "tests", TaskType.Regression, DemoProducts.BikeSchema), ApiTestBase.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var productId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var training = new MultipartFormDataContent();
        var file = new ByteArrayContent(BikeShapedCsv.Generate(600, seed: 7, withLabel: true));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        training.Add(file, "file", "train.csv");
        training.Add(new StringContent("FastTree"), "trainer");
        var trained = await ClientB.PostAsync($"/api/products/{productId}/models/train", training);
        Assert.True(trained.StatusCode == HttpStatusCode.Accepted, await trained.Content.ReadAsStringAsync());
        var job = await WaitForJobAsync(ClientB, (await trained.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.True(job.GetProperty("state").GetString() == "Succeeded", job.ToString());
        return productId;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(HttpClient client, int productId, byte[] csv, string fileName)
    {
        var body = new ByteArrayContent(csv);
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await client.PostAsync($"/api/products/{productId}/batches?fileName={Uri.EscapeDataString(fileName)}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Accepted, $"{fileName}: {(int)response.StatusCode} {text}");
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> WaitForJobAsync(HttpClient client, Guid jobId)
    {
        var guard = Stopwatch.StartNew();
        while (true)
        {
            var job = await GetJsonAsync(client, $"/api/jobs/{jobId}");
            if (job.GetProperty("state").GetString() is "Succeeded" or "Failed")
                return job;
            if (guard.Elapsed > WorkTimeout)
                Assert.Fail($"Job {jobId} did not end within {WorkTimeout.TotalSeconds:F0} s: {job}\nA:\n{A.RecentOutput}\nB:\n{B.RecentOutput}");
            await Task.Delay(100);
        }
    }

    /// <summary>The instance holding the job's lease while it runs, read from the database.</summary>
    public async Task<string?> OwnerAsync(Guid jobId)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"LeaseOwner\" FROM \"Jobs\" WHERE \"Id\" = @id AND \"State\" = 'Running'", connection);
        command.Parameters.AddWithValue("id", jobId);
        return await command.ExecuteScalarAsync() as string;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private HttpClient Client(AppProcess app)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = WorkTimeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _key);
        return client;
    }

    public Task DisposeAsync()
    {
        ClientA?.Dispose();
        ClientB?.Dispose();
        A?.Dispose();
        B?.Dispose();
        if (ConnectionString.Length > 0)
            PostgresServer.DropDatabase(ConnectionString);
        _dataA.Dispose();
        _dataB.Dispose();
        return Task.CompletedTask;
    }
}
