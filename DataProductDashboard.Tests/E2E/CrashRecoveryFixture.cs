using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataProductDashboard.Bench;
using DataProductDashboard.Services.Demo;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Tests.Api;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace DataProductDashboard.Tests.E2E;

/// <summary>The real app as a child process (<see cref="AppProcess"/>) on a temp data folder that outlives every kill:
/// an Admin key made with the app's own command line, a bike-rentals product with a FastTree model trained through the
/// API, two batch gates (one passes, one fails on purpose so that each batch raises or repeats one alert) and a first
/// large batch, so that labels have predictions to join whichever test runs first. The tests kill the process and
/// start it again on the same folder; reads of the store go straight to the SQLite file, read-only.</summary>
public sealed class CrashRecoveryFixture : IAsyncLifetime
{
    /// <summary>Rows of every large batch: a queued job that takes seconds per stage on a 2-core machine.</summary>
    public const int Rows = 120_000;
    public const int BackgroundBatchRows = 50_000;
    public const int JobMaxAttempts = 3;
    public const string ImportKind = "batch-import";

    /// <summary>Failure guards, never expectations: a start or a large import normally takes seconds.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    public static readonly TimeSpan WorkTimeout = TimeSpan.FromSeconds(180);

    private readonly TempDirectory _temp = new();
    private string _apiKey = "";

    public AppProcess Server { get; private set; } = null!;

    /// <summary>Calls the current process with the Admin key (a new client after each start).</summary>
    public HttpClient Client { get; private set; } = null!;

    public int ProductId { get; private set; }

    /// <summary>The batch gate that fails on every batch: its one alert counts the batches judged.</summary>
    public int FailingGateId { get; private set; }

    public string DataPath => _temp.Path;

    public string DatabasePath => Path.Combine(DataPath, "dashboard.db");

    /// <summary>The settings of every process on this data folder (the key-making command included).</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Dashboard__DataDirectory"] = DataPath,
        ["Dashboard__SeedDemo"] = "false",
        ["Dashboard__BackfillAfterDays"] = DashboardAppFactory.NoBackfillDetection,
        ["Dashboard__BackgroundBatchRows"] = BackgroundBatchRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Dashboard__JobMaxAttempts"] = JobMaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // A killed process's job is taken over once its lease ran out: soon, so the restarted process does not wait 30 s.
        ["Dashboard__JobLeaseSeconds"] = "2",
        // Polling a job every 10 ms is 6000 requests a minute from one key (the default allows 3000).
        ["Dashboard__RateLimits__ApiPerMinute"] = "1000000",
        ["Logging__LogLevel__Default"] = "Information",
    };

    public async Task InitializeAsync()
    {
        var (exit, output, error) = await AppProcess.RunCommandAsync(Settings, StartTimeout, "apikeys", "create", "--name", "crash-tests", "--role", DashboardRoles.Admin);
        Assert.True(exit == 0, $"'apikeys create' exited with {exit}:\n{output}\n{error}");
        _apiKey = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        await StartAsync();

        var created = await Client.PostAsJsonAsync("/api/products",
            new CreateProductRequest("Rentals (crash recovery)", "killed and restarted", "tests", TaskType.Regression, DemoProducts.BikeSchema), ApiTestBase.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        ProductId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        using var training = new MultipartFormDataContent();
        var file = new ByteArrayContent(BikeShapedCsv.Generate(1000, seed: 7, withLabel: true));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        training.Add(file, "file", "train.csv");
        training.Add(new StringContent("FastTree"), "trainer");
        var trained = await Client.PostAsync($"/api/products/{ProductId}/models/train", training);
        Assert.True(trained.StatusCode == HttpStatusCode.Accepted, await trained.Content.ReadAsStringAsync());
        var trainJob = await WaitForJobAsync((await trained.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.True(trainJob.GetProperty("state").GetString() == "Succeeded", trainJob.ToString());

        await CreateGateAsync("""{ "metricKey": "batch.rows", "condition": "Gte", "threshold": 1, "name": "Batch not empty" }""");
        FailingGateId = await CreateGateAsync("""{ "metricKey": "batch.rows", "condition": "Lt", "threshold": 1, "name": "Batch empty (fails on purpose)" }""");

        var first = await UploadBatchAsync(BikeShapedCsv.Generate(Rows, seed: 1), "first.csv");
        var job = await WaitForJobAsync(first.GetProperty("id").GetGuid());
        Assert.True(job.GetProperty("state").GetString() == "Succeeded", job.ToString());
        await WaitUntilSettledAsync();
    }

    /// <summary>SIGKILL: the process ends wherever it is.</summary>
    public void Kill() => Server.Kill();

    /// <summary>Starts a new process on the same data folder (killing the old one if it still runs); returns how long the start took.</summary>
    public async Task<TimeSpan> RestartAsync()
    {
        Server.Dispose();
        var clock = Stopwatch.StartNew();
        await StartAsync();
        return clock.Elapsed;
    }

    /// <summary>A running app with no job queued or running and no follow-up pending (after a test that failed half-way, too).</summary>
    public async Task EnsureSettledAsync()
    {
        if (Server.HasExited)
            await RestartAsync();
        await WaitUntilSettledAsync();
    }

    /// <summary>Sends a CSV batch as a text/csv body; a large one is answered 202 with its queued job.</summary>
    public async Task<JsonElement> UploadBatchAsync(byte[] csv, string fileName)
    {
        var body = new ByteArrayContent(csv);
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await Client.PostAsync($"/api/products/{ProductId}/batches?fileName={Uri.EscapeDataString(fileName)}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task<JsonElement> GetJobAsync(Guid jobId) => GetJsonAsync($"/api/jobs/{jobId}");

    /// <summary>Polls the job until it succeeded or failed.</summary>
    public async Task<JsonElement> WaitForJobAsync(Guid jobId)
    {
        var guard = Stopwatch.StartNew();
        while (true)
        {
            var job = await GetJobAsync(jobId);
            if (job.GetProperty("state").GetString() is "Succeeded" or "Failed")
                return job;
            if (guard.Elapsed > WorkTimeout)
                Assert.Fail($"Job {jobId} did not end within {WorkTimeout.TotalSeconds:F0} s: {job}\n{Server.RecentOutput}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until no job of the product is queued or running and every follow-up is done (read from the store).</summary>
    public async Task WaitUntilSettledAsync()
    {
        var guard = Stopwatch.StartNew();
        var p = ("$p", (object)ProductId);
        while (true)
        {
            var pending = await CountAsync("SELECT COUNT(*) FROM Jobs WHERE ProductId = $p AND State IN ('Queued', 'Running')", p)
                + await CountAsync("SELECT COUNT(*) FROM FollowUps WHERE ProductId = $p AND DoneAt IS NULL", p)
                + await CountAsync("SELECT COUNT(*) FROM Batches WHERE ProductId = $p AND FollowUpPending", p);
            if (pending == 0)
                return;
            var failed = await QueryAsync("SELECT Id, Kind, Attempts, Error FROM FollowUps WHERE ProductId = $p AND DoneAt IS NULL AND Error IS NOT NULL",
                r => $"follow-up {r.GetInt32(0)} ({r.GetString(1)}, {r.GetInt32(2)} attempts): {r.GetString(3)}", p);
            if (failed.Count > 0 || guard.Elapsed > WorkTimeout)
                Assert.Fail($"The app did not settle within {WorkTimeout.TotalSeconds:F0} s:\n{string.Join('\n', failed)}\n{Server.RecentOutput}");
            await Task.Delay(100);
        }
    }

    /// <summary>Reads the store directly (read-only, no pool: the app's own connections are never disturbed).</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 30 };
        await using var connection = new SqliteConnection(connectionString.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
            rows.Add(read(reader));
        return rows;
    }

    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters) =>
        (await QueryAsync(sql, r => r.GetInt64(0), parameters))[0];

    /// <summary>A GUID as the store keeps it (EF Core writes upper-case text).</summary>
    public static string StoredGuid(Guid id) => id.ToString("D").ToUpperInvariant();

    private async Task StartAsync()
    {
        Server = await AppProcess.StartAsync(Settings, StartTimeout);
        Client?.Dispose();
        Client = new HttpClient { BaseAddress = new Uri(Server.BaseUrl), Timeout = WorkTimeout };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
    }

    private async Task<int> CreateGateAsync(string json)
    {
        var response = await Client.PostAsync($"/api/products/{ProductId}/gates", new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt32();
    }

    public Task DisposeAsync()
    {
        Server?.Dispose();
        Client?.Dispose();
        _temp.Dispose();
        return Task.CompletedTask;
    }
}
