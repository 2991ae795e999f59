using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataProductDashboard.Configuration;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Operations;
using DataProductDashboard.Tests.Api;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace DataProductDashboard.Tests.Hosting;

/// <summary>The operator's view: health endpoints, the Prometheus scrape and the dashboard's own instruments.</summary>
public sealed class OperationsTests : ApiTestBase
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Health_AnonymousOnAFreshStore_LiveAndReadyWithTheDatabaseAndQueueChecks()
    {
        await using var app = new DashboardAppFactory();
        var anonymous = app.CreateAnonymousClient();
        var metrics = await anonymous.GetAsync("/metrics");

        var live = await anonymous.GetAsync("/health/live");
        var ready = await anonymous.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", (await live.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        var checks = report.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(["database", "queue"], checks.Keys.Order());
        Assert.Contains("every migration is applied", checks["database"].GetProperty("description").GetString());
        Assert.Equal(0, checks["queue"].GetProperty("data").GetProperty("queued").GetInt64());
        Assert.Equal("no-store", ready.Headers.CacheControl?.ToString());
        // Operations:Prometheus=false: no scrape endpoint (the path is an ordinary page address, which sends to sign-in).
        Assert.Equal("text/html", metrics.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("# TYPE", await metrics.Content.ReadAsStringAsync());
        Assert.Null(app.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
    }

    [Fact]
    public async Task QueueCheck_OldestQueuedJobPastTheLimit_IsDegradedNamingTheWait()
    {
        var clock = new FakeTimeProvider(Now);
        await using var harness = await ServiceHarness.CreateAsync(clock: clock);
        var product = await harness.Get<DataProductDashboard.Services.Products.ProductService>().CreateAsync(
            new DataProductDashboard.Services.Products.CreateProductRequest("Rentals", null, "ops", TaskType.Regression, TestSchemas.Regression), CancellationToken.None);
        await using (var db = await harness.DbFactory.CreateDbContextAsync())
        {
            db.Jobs.Add(Job(product.Id, JobState.Queued, Now.AddMinutes(-15)));
            db.Jobs.Add(Job(product.Id, JobState.Queued, Now.AddMinutes(-1)));
            db.Jobs.Add(Job(product.Id, JobState.Running, Now.AddMinutes(-30)));
            db.Jobs.Add(Job(product.Id, JobState.Succeeded, Now.AddDays(-3)));
            await db.SaveChangesAsync();
        }
        var check = new QueueHealthCheck(harness.Get<QueueGauge>(), Microsoft.Extensions.Options.Options.Create(new OperationsOptions { QueueLagSeconds = 600 }));
        var relaxed = new QueueHealthCheck(harness.Get<QueueGauge>(), Microsoft.Extensions.Options.Options.Create(new OperationsOptions { QueueLagSeconds = 3600 }));

        var late = await check.CheckHealthAsync(new HealthCheckContext());
        var fine = await relaxed.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Degraded, late.Status);
        Assert.Equal("The oldest of 2 queued job(s) has waited 900 s (limit 600 s).", late.Description);
        Assert.Equal(1L, late.Data["running"]);
        Assert.Equal(HealthStatus.Healthy, fine.Status);
        Assert.Equal("2 job(s) queued, 1 running.", fine.Description);
    }

    [Fact]
    public async Task DatabaseCheck_StoreWithoutMigrations_IsUnhealthyNamingTheFirstMissing()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await using (var db = await harness.DbFactory.CreateDbContextAsync())
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = (SELECT MAX(\"MigrationId\") FROM \"__EFMigrationsHistory\")");
        var check = new DatabaseHealthCheck(harness.DbFactory, Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseHealthCheck>.Instance);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Matches(@"^1 migration\(s\) not applied, the first '\d{14}_\w+'\.$", result.Description);
    }

    [Fact]
    public async Task Metrics_AfterAnImport_ScrapeShowsTheImportAndTheRequestDurations()
    {
        await using var app = new DashboardAppFactory(settings: new Dictionary<string, string?> { ["Operations:Prometheus"] = "true" });
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);
        var created = await client.PostAsync($"/api/products/{id}/batches", CsvBody(TestSchemas.RegressionCsv(40, seed: 3, withLabel: false)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var scrape = await app.CreateAnonymousClient().GetAsync("/metrics");
        var text = await scrape.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.StartsWith("text/plain", scrape.Content.Headers.ContentType?.MediaType);
        // Counters add up over every app of the test process (the meter is one name): at least this import's rows.
        var rows = text.Split('\n').Where(l => l.StartsWith("dpd_import_rows_total{", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rows);
        Assert.True(rows.Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)) >= 40, string.Join("\n", rows));
        Assert.Contains("dpd_import_duration_seconds_bucket{", text);
        Assert.Contains("dpd_queue_depth", text);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text);
    }

    [Fact]
    public void Instruments_ImportGateAndDelivery_RecordWithTheirTags()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var recorded = new List<(string Name, double Value, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this test's meter: other apps of the test process publish instruments of the same name.
            if (instrument.Meter.Scope == factory && instrument.Meter.Name == DashboardMetrics.Name)
                l.EnableMeasurementEvents(instrument);
        };
        void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state) =>
            recorded.Add((instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
                string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"))));
        listener.SetMeasurementEventCallback<long>(Record);
        listener.SetMeasurementEventCallback<double>(Record);
        listener.Start();
        var metrics = new DashboardMetrics(factory, null!);

        metrics.ImportSucceeded(BatchSource.Api, 5000, TimeSpan.FromMilliseconds(80));
        metrics.ImportFailed(BatchSource.Ui, new InvalidDataException());
        metrics.GateOutcomes(GateScope.Batch, [GateStatus.Passed, GateStatus.Failed, GateStatus.Passed]);
        metrics.Delivery(ChannelKind.Webhook, succeeded: false);

        Assert.Contains(("dpd.import.duration", 0.08, "source=Api"), recorded);
        Assert.Contains(("dpd.import.rows", 5000, "source=Api"), recorded);
        Assert.Contains(recorded, r => r.Name == "dpd.import.rate" && Math.Abs(r.Value - 62_500) < 1e-6);
        Assert.Contains(("dpd.import.failures", 1, "source=Ui,error=InvalidDataException"), recorded);
        Assert.Contains(("dpd.gate.outcomes", 2, "scope=Batch,status=Passed"), recorded);
        Assert.Contains(("dpd.gate.outcomes", 1, "scope=Batch,status=Failed"), recorded);
        Assert.Contains(("dpd.notification.deliveries", 1, "kind=Webhook,outcome=failed"), recorded);
    }

    [Theory]
    [InlineData("Operations:OtlpEndpoint", "collector:4317", "absolute http(s) address")]
    [InlineData("Operations:PrometheusPath", "/api/metrics", "collides with the API")]
    [InlineData("Operations:QueueLagSeconds", "0", "QueueLagSeconds")]
    public async Task Start_InvalidOperationsSetting_FailsNamingIt(string key, string value, string expected)
    {
        await using var app = new DashboardAppFactory(settings: new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(expected, error.ToString());
    }

    private static Job Job(int productId, JobState state, DateTimeOffset createdAt) => new()
    {
        Id = Guid.NewGuid(), ProductId = productId, Kind = "batch-import", State = state, InputArea = "jobs", InputHash = Guid.NewGuid().ToString("N"),
        CreatedAt = createdAt.UtcDateTime, UpdatedAt = createdAt.UtcDateTime,
    };
}
