using System.Net.Http.Headers;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Access;
using DataProductDashboard.Services.Trail;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>The whole app on a temp data folder (SQLite file, model zips, batch files), with settings overridden.</summary>
public sealed class DashboardAppFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _temp = new();
    private readonly TestStore? _store;
    private readonly Dictionary<string, string?> _settings;
    private readonly Microsoft.Extensions.Logging.ILoggerProvider? _logs;

    /// <summary>Days that the fixtures' fixed event dates never exceed, so batches sit at their arrival unless a test
    /// says they are a backfill.</summary>
    public const string NoBackfillDetection = "36500";

    /// <param name="settings">Extra or overriding settings, e.g. "Notifications:WebhookBackoffSeconds".</param>
    /// <param name="provider">The store's database; the run's default (<see cref="TestStore.DefaultProvider"/>) when null.</param>
    public DashboardAppFactory(bool seedDemo = false, int backgroundBatchRows = 100_000, int maxUploadMegabytes = 256,
        IReadOnlyDictionary<string, string?>? settings = null, Microsoft.Extensions.Logging.ILoggerProvider? logs = null,
        DataProductDashboard.Configuration.DatabaseProvider? provider = null)
    {
        _logs = logs;
        _settings = new()
        {
            ["Dashboard:DataDirectory"] = _temp.Path,
            ["Dashboard:SeedDemo"] = seedDemo.ToString(),
            ["Dashboard:BackgroundBatchRows"] = backgroundBatchRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Dashboard:MaxUploadMegabytes"] = maxUploadMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
            // The fixtures' fixed dates (2011, 2024) are not history: only the tests about backfills detect them.
            ["Dashboard:BackfillAfterDays"] = NoBackfillDetection,
            // No meter provider in the hundreds of test apps (the Operations tests turn the Prometheus scrape on).
            ["Operations:Prometheus"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            _settings[key] = value;
        // A test that names its own data folder or database file (a restart on the same store) keeps it.
        if (_settings["Dashboard:DataDirectory"] == _temp.Path && !_settings.ContainsKey("Dashboard:DatabaseFile")
            && !_settings.ContainsKey("ConnectionStrings:Dashboard"))
        {
            _store = TestStore.Create(Path.Combine(_temp.Path, "dashboard.db"), provider);
            foreach (var (key, value) in _store.Settings)
                _settings[key] = value;
        }
    }

    /// <summary>The store's database provider.</summary>
    public DataProductDashboard.Configuration.DatabaseProvider Provider =>
        _store?.Provider ?? (_settings.ContainsKey("ConnectionStrings:Dashboard") ? DataProductDashboard.Configuration.DatabaseProvider.PostgreSql : DataProductDashboard.Configuration.DatabaseProvider.Sqlite);

    public string DataPath => _temp.Path;

    /// <summary>An Admin API key, created on first use: <see cref="WebApplicationFactory{T}.CreateClient()"/> sends it, so
    /// tests that are not about access act with every right.</summary>
    public string AdminKey => _adminKey ??= CreateKey("tests-admin", DashboardRoles.Admin);

    private string? _adminKey;
    private int _keys;

    /// <summary>Creates an API key with <paramref name="role"/> (optionally restricted to products) through the app's service.</summary>
    public string CreateKey(string name, string role, IReadOnlyList<int>? products = null, DateOnly? expires = null)
    {
        var keys = Services.GetRequiredService<ApiKeyService>();
        return keys.CreateAsync(new CreateApiKeyRequest(name, role, products, expires), Actor.System, CancellationToken.None).GetAwaiter().GetResult().Key;
    }

    /// <summary>The key named <paramref name="name"/>, created on first use (for fixtures shared by several tests).</summary>
    public string NamedKey(string name, string role) => _named.GetOrAdd(name, n => CreateKey(n, role));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _named = new();

    /// <summary>A client that sends a new key with <paramref name="role"/>.</summary>
    public HttpClient CreateClientWithRole(string role, IReadOnlyList<int>? products = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            CreateKey($"tests-{role.ToLowerInvariant()}-{Interlocked.Increment(ref _keys)}", role, products));
        return client;
    }

    /// <summary>A client without credentials.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>Adds a user with a known password (signs in directly).</summary>
    public async Task<(string Email, string Password)> AddUserAsync(string role, string? email = null)
    {
        var address = email ?? $"{role.ToLowerInvariant()}-{Interlocked.Increment(ref _keys)}@tests.local";
        var password = PasswordGenerator.Create();
        await Services.GetRequiredService<UserAdminService>().AddAsync(address, [role], password, Actor.System, CancellationToken.None);
        return (address, password);
    }

    /// <summary>Batches stored for a product, read from the store.</summary>
    public async Task<int> CountBatchesAsync(int productId)
    {
        await using var db = await Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<DataProductDashboard.Data.DashboardDbContext>>().CreateDbContextAsync();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Batches, b => b.ProductId == productId);
    }

    /// <summary>How many rows every table holds and how many files the data folder holds (the SQLite files aside): two
    /// equal snapshots around a refused request prove that it stored nothing.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountStoredAsync()
    {
        await using var db = await Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<DataProductDashboard.Data.DashboardDbContext>>().CreateDbContextAsync();
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal)
        {
            ["products"] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Products),
            ["models"] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.ModelVersions),
            ["batches"] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Batches),
            ["predictions"] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Predictions),
            ["labelledPredictions"] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Predictions, p => p.Label != null),
            ["metricRuns"] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.MetricRuns),
            ["metricPoints"] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.MetricPoints),
            ["gates"] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.GateRules),
            ["gateEvaluations"] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.GateEvaluations),
            ["alerts"] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Alerts),
            ["channels"] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.NotificationChannels),
            ["deliveries"] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.NotificationDeliveries),
            ["waivers"] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.ReleaseWaivers),
            ["trail"] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AuditTrail),
            ["kpis"] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Kpis),
            ["kpiValues"] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.KpiValues),
            ["experiments"] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Experiments),
            ["apiKeys"] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.ApiKeys),
            ["users"] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Users),
            ["files"] = Directory.EnumerateFiles(DataPath, "*", SearchOption.AllDirectories)
                .Count(f => !Path.GetFileName(f).Contains(".db", StringComparison.OrdinalIgnoreCase)),
        };
        return counts;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        if (_logs is { } logs)
            builder.ConfigureLogging(l => l.AddProvider(logs));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _store?.Dispose();
            _temp.Dispose();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _store?.Dispose();
        _temp.Dispose();
    }
}
