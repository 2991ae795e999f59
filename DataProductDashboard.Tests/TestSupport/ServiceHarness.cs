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
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>The real application services over a temp SQLite file and data folder, without a web host.</summary>
public sealed class ServiceHarness : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();

    private ServiceHarness(int backgroundBatchRows, TimeProvider? clock)
    {
        Clock = clock ?? TimeProvider.System;
        Options = Microsoft.Extensions.Options.Options.Create(new DashboardOptions
        {
            RootDirectory = _temp.Path,
            DataDirectory = "data",
            SeedDemo = false,
            BackgroundBatchRows = backgroundBatchRows,
        });
        Directory.CreateDirectory(Options.Value.DataPath);
        DbFactory = new TestDbContextFactory(Options.Value.DatabasePath);
        Store = new ContentStore(Options, NullLogger<ContentStore>.Instance);
        Products = new ProductService(DbFactory, Clock, NullLogger<ProductService>.Instance);
        Profiles = new ReferenceProfileStore(Store, NullLogger<ReferenceProfileStore>.Instance);
        Events = new ProductEvents(Clock, NullLogger<ProductEvents>.Instance);
        Outbox = new NotificationOutbox();
        Alerts = new AlertService(DbFactory, Outbox, Events, Clock, NullLogger<AlertService>.Instance);
        Registry = new ModelRegistryService(DbFactory, Store, Profiles, Events, Alerts, Clock, NullLogger<ModelRegistryService>.Instance);
        Performance = new PerformanceService(NullLogger<PerformanceService>.Instance);
        Trail = new AuditTrail(DbFactory, Clock);
        Evidence = new BatchEvidence(Profiles);
        Gates = new GateService(DbFactory, Evidence, Alerts, Trail, Events, Clock, NullLogger<GateService>.Instance);
        GateEvaluator = new BatchGateEvaluator(DbFactory, Evidence, Alerts, Clock, NullLogger<BatchGateEvaluator>.Instance);
        Timeliness = new TimelinessMonitor(DbFactory, Alerts, Options, Clock, NullLogger<TimelinessMonitor>.Instance);
        Kpis = new KpiRecomputer(DbFactory, Store, Alerts, Clock, NullLogger<KpiRecomputer>.Instance);
        KpiService = new KpiService(DbFactory, Kpis, Trail, Alerts, Events, Clock, NullLogger<KpiService>.Instance);
        ExperimentMonitor = new ExperimentMonitor(DbFactory, Alerts, Clock, NullLogger<ExperimentMonitor>.Instance);
        Batches = new BatchService(DbFactory, Store, new ModelCache(Store), Profiles, Events, Performance, GateEvaluator, Timeliness, Kpis, ExperimentMonitor, Clock, NullLogger<BatchService>.Instance);
        Releases = new ReleaseService(DbFactory, new ShadowScorer(Store, new ModelCache(Store)), Registry, Alerts, Trail, Events, Clock, NullLogger<ReleaseService>.Instance);
        Experiments = new ExperimentService(DbFactory, new ExperimentSamples(Store), Releases, Alerts, Trail, Events, Clock, NullLogger<ExperimentService>.Instance);
        Labels = new LabelService(DbFactory, Performance, GateEvaluator, Kpis, Events, Clock, NullLogger<LabelService>.Instance);
        Audits = new AuditQueryService(DbFactory, Store, Profiles);
        Jobs = new JobTracker(Clock);
        Queue = new BackgroundWorkQueue();
        Intake = new BatchIntake(Batches, Queue, Jobs, Options, NullLogger<BatchIntake>.Instance);
        Seeder = new DemoSeeder(DbFactory, Products, Registry, Batches, Labels, Gates, KpiService, Experiments, Clock, NullLogger<DemoSeeder>.Instance);
    }

    public static async Task<ServiceHarness> CreateAsync(int backgroundBatchRows = 100_000, TimeProvider? clock = null)
    {
        var harness = new ServiceHarness(backgroundBatchRows, clock);
        await using var db = await harness.DbFactory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        return harness;
    }

    public IOptions<DashboardOptions> Options { get; }
    public TimeProvider Clock { get; }
    public NotificationOutbox Outbox { get; }
    public AlertService Alerts { get; }
    public AuditTrail Trail { get; }
    public BatchEvidence Evidence { get; }
    public GateService Gates { get; }
    public BatchGateEvaluator GateEvaluator { get; }
    public TimelinessMonitor Timeliness { get; }
    public KpiRecomputer Kpis { get; }
    public KpiService KpiService { get; }
    public ReleaseService Releases { get; }
    public ExperimentMonitor ExperimentMonitor { get; }
    public ExperimentService Experiments { get; }
    public IDbContextFactory<DashboardDbContext> DbFactory { get; }
    public ContentStore Store { get; }
    public ReferenceProfileStore Profiles { get; }
    public ProductEvents Events { get; }
    public AuditQueryService Audits { get; }
    public PerformanceService Performance { get; }
    public LabelService Labels { get; }
    public ProductService Products { get; }
    public ModelRegistryService Registry { get; }
    public BatchService Batches { get; }
    public JobTracker Jobs { get; }
    public BackgroundWorkQueue Queue { get; }
    public BatchIntake Intake { get; }
    public DemoSeeder Seeder { get; }
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

    public IEnumerable<string> StoredFiles(string area) =>
        Directory.Exists(Path.Combine(DataPath, area)) ? Directory.EnumerateFiles(Path.Combine(DataPath, area)) : [];

    public ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class TestDbContextFactory(string path) : IDbContextFactory<DashboardDbContext>
    {
        private readonly DbContextOptions<DashboardDbContext> _options = new DbContextOptionsBuilder<DashboardDbContext>()
            .UseSqlite($"Data Source={path}")
            .AddInterceptors(new SqlitePragmaInterceptor())
            .Options;

        public DashboardDbContext CreateDbContext() => new(_options);
    }
}
