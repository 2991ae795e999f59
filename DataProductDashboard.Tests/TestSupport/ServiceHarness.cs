using DataProductDashboard.Configuration;
using DataProductDashboard.Data;
using DataProductDashboard.Services.Demo;
using DataProductDashboard.Domain;
using DataProductDashboard.Scoring;
using DataProductDashboard.Services.Alerts;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Experiments;
using DataProductDashboard.Services.Labels;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Services.Jobs;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Services.Releases;
using DataProductDashboard.Storage;
using Microsoft.EntityFrameworkCore;
using DataProductDashboard.Hosting;
using DataProductDashboard.Services.FollowUps;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>The real application services over a temp store (<see cref="TestStore"/>) and data folder, without a web host: composed by
/// the app's own <see cref="DashboardServiceExtensions.AddDashboardCore"/> (no second copy of the registrations), with
/// the clock replaced when a test needs one. Hosted services (job runner, follow-up worker) are not started: tests
/// drive them.</summary>
public sealed class ServiceHarness : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ServiceProvider _provider;

    private readonly TestStore _store;

    private ServiceHarness(int backgroundBatchRows, TimeProvider? clock, IReadOnlyDictionary<string, string?>? settings, DatabaseProvider? provider)
    {
        _store = TestStore.Create(Path.Combine(_temp.Path, "data", "dashboard.db"), provider);
        Clock = clock ?? new DataProductDashboard.Data.StoreClock(TimeProvider.System);
        var values = new Dictionary<string, string?>
        {
            ["Dashboard:RootDirectory"] = _temp.Path,
            ["Dashboard:DataDirectory"] = "data",
            ["Dashboard:SeedDemo"] = "false",
            ["Dashboard:BackfillAfterDays"] = DashboardAppFactory.NoBackfillDetection,
            ["Dashboard:BackgroundBatchRows"] = backgroundBatchRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in _store.Settings)
            values[key] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            values[key] = value;
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging();
        services.AddDashboardCore();
        services.AddSingleton(Clock);
        _provider = services.BuildServiceProvider();
        Options = Get<IOptions<DashboardOptions>>();
        Directory.CreateDirectory(Options.Value.DataPath);
    }

    /// <summary>Any service of the app.</summary>
    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>The harness's service provider (to build a hosted service of the app over it).</summary>
    public IServiceProvider ServiceProvider => _provider;

    /// <param name="provider">The store's database; the run's default (<see cref="TestStore.DefaultProvider"/>) when null.</param>
    public static async Task<ServiceHarness> CreateAsync(int backgroundBatchRows = 100_000, TimeProvider? clock = null,
        IReadOnlyDictionary<string, string?>? settings = null, DatabaseProvider? provider = null)
    {
        var harness = new ServiceHarness(backgroundBatchRows, clock, settings, provider);
        await using var db = await harness.DbFactory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        return harness;
    }

    public IOptions<DashboardOptions> Options { get; }
    public TimeProvider Clock { get; }
    public NotificationOutbox Outbox => Get<NotificationOutbox>();
    public AlertService Alerts => Get<AlertService>();
    public AuditTrail Trail => Get<AuditTrail>();
    public BatchEvidence Evidence => Get<BatchEvidence>();
    public GateService Gates => Get<GateService>();
    public BatchGateEvaluator GateEvaluator => Get<BatchGateEvaluator>();
    public TimelinessMonitor Timeliness => Get<TimelinessMonitor>();
    public KpiRecomputer Kpis => Get<KpiRecomputer>();
    public KpiService KpiService => Get<KpiService>();
    public ReleaseService Releases => Get<ReleaseService>();
    public ExperimentMonitor ExperimentMonitor => Get<ExperimentMonitor>();
    public ExperimentService Experiments => Get<ExperimentService>();
    public IDbContextFactory<DashboardDbContext> DbFactory => Get<IDbContextFactory<DashboardDbContext>>();
    public ContentStore Store => Get<ContentStore>();
    public ReferenceProfileStore Profiles => Get<ReferenceProfileStore>();
    public ProductEvents Events => Get<ProductEvents>();
    public AuditQueryService Audits => Get<AuditQueryService>();
    public PerformanceService Performance => Get<PerformanceService>();
    public LabelService Labels => Get<LabelService>();
    public ProductService Products => Get<ProductService>();
    public ModelRegistryService Registry => Get<ModelRegistryService>();
    public BatchImporter Importer => Get<BatchImporter>();
    public BatchQueries Batches => Get<BatchQueries>();
    public BatchExports Exports => Get<BatchExports>();
    public JobTracker Jobs => Get<JobTracker>();
    public BatchIntake Intake => Get<BatchIntake>();
    public FollowUpRunner FollowUps => Get<FollowUpRunner>();
    public DemoSeeder Seeder => Get<DemoSeeder>();
    public string DataPath => Options.Value.DataPath;

    /// <summary>A regression product with a FastTree v1 trained on 200 fixed-seed rows.</summary>
    public async Task<ProductDetail> CreateRegressionProductAsync(string name = "Rentals", bool withModel = true)
    {
        var product = await Products.CreateAsync(new CreateProductRequest(name, "test product", "tests", TaskType.Regression, TestSchemas.Regression), default);
        if (withModel)
        {
            await Registry.TrainAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(200)), "train.csv",
                new TrainModelRequest(TrainerKind.FastTree), default);
        }
        return await Products.GetAsync(product.Id, default);
    }

    public async Task<ProductDetail> CreateBinaryProductAsync(string name = "Risk")
    {
        var product = await Products.CreateAsync(new CreateProductRequest(name, "test product", "tests", TaskType.BinaryClassification, TestSchemas.Binary), default);
        await Registry.TrainAsync(product.Id, TestSchemas.Utf8(TestSchemas.BinaryCsv(300)), "train.csv",
            new TrainModelRequest(TrainerKind.FastTree), default);
        return await Products.GetAsync(product.Id, default);
    }

    public async Task<int> CountAsync<T>(Func<DashboardDbContext, IQueryable<T>> query)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await query(db).CountAsync();
    }

    /// <summary>A CSV as it arrives in an upload: streamed to data/tmp and hashed.</summary>
    public Task<UploadedFile> UploadAsync(string csv, string fileName) =>
        Store.ReceiveAsync(new MemoryStream(TestSchemas.Utf8(csv).ToArray()), fileName, long.MaxValue, () => new InvalidOperationException("too large"), default);

    /// <summary>A job runner over this harness's services (the app's hosted one is not started here).</summary>
    public JobRunner NewJobRunner() => ActivatorUtilities.CreateInstance<JobRunner>(_provider);

    /// <summary>Runs queued jobs until <paramref name="jobId"/> ended; returns its final state.</summary>
    public async Task<JobStatus> RunJobAsync(Guid jobId)
    {
        var runner = NewJobRunner();
        await runner.StartAsync(default);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (true)
            {
                var status = await Jobs.GetAsync(jobId, default) ?? throw new InvalidOperationException($"No job {jobId}.");
                if (status.IsFinished)
                    return status;
                await Task.Delay(20, timeout.Token);
            }
        }
        finally
        {
            await runner.StopAsync(default);
        }
    }

    public IEnumerable<string> StoredFiles(string area) =>
        Directory.Exists(Path.Combine(DataPath, area)) ? Directory.EnumerateFiles(Path.Combine(DataPath, area)) : [];

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _store.Dispose();
        _temp.Dispose();
    }
}
