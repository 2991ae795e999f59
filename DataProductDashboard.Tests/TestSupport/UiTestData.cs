using System.Globalization;
using System.Text;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Hosting;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Labels;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>Data folders for UI tests, built through the real services on temp SQLite files: a seeded one (shared,
/// read-only by convention) and fresh empty ones.</summary>
public static class UiTestData
{
    public const string RentalsName = "Test rentals";
    public const string EmptyName = "Empty product";
    public const string OldBatchFile = "batch-old.csv";
    public const string NewBatchFile = "batch-new.csv";
    public const int Seed = 42;
    public const string CandidateNotes = "Sdca candidate for the promote confirmation";

    public static readonly ProductSchema RentalsSchema = new(
    [
        new("id", ColumnKind.Id, ColumnRole.RowKey),
        new("hr", ColumnKind.Numeric, Min: 0, Max: 23),
        new("temp", ColumnKind.Numeric, Min: 0, Max: 1),
        new("cnt", ColumnKind.Numeric, ColumnRole.Label, Min: 0),
    ]);

    private static readonly Lazy<Task<SeededData>> Seeded = new(SeedAsync);

    /// <summary>Two products: "Test rentals" (a FastTree champion trained on 60 rows, an Sdca candidate with notes, two
    /// batches received a month apart, both audited against the training data; the old batch has labels) and
    /// "Empty product" (no model, no batch).</summary>
    public static Task<SeededData> GetSeededAsync() => Seeded.Value;

    /// <summary>A migrated database without any product.</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        var root = NewRoot();
        await using var provider = BuildProvider(root);
        await MigrateAsync(provider);
        return root;
    }

    /// <summary>The dashboard's services over the data folder <paramref name="root"/>.</summary>
    /// <param name="settings">Extra or overriding settings, e.g. "Notifications:Smtp:Port".</param>
    public static void AddDashboard(IServiceCollection services, string root, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Dashboard:RootDirectory"] = root,
            ["Dashboard:DataDirectory"] = "data",
            ["Dashboard:DatabaseFile"] = "dashboard.db",
            ["Dashboard:SeedDemo"] = "false",
            ["Dashboard:BackfillAfterDays"] = DashboardAppFactory.NoBackfillDetection,
            // The pages are shown with a candidate version (v2) beside the champion, as a product has before anyone shadow-scores it.
            ["Dashboard:ShadowNewVersions"] = "false",
            [NotificationTestHost.AllowLoopbackKey] = NotificationTestHost.Loopback,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddDashboardCore();
        services.AddDashboardNotifications();
        services.AddScoped<DataProductDashboard.Components.Shared.ActorResolver>();
        services.AddScoped<DataProductDashboard.Components.Shared.RoleGuard>();
    }

    /// <summary>A batch CSV of <paramref name="rows"/> rows; data row <paramref name="badTempRow"/> (1-based; file line badTempRow + 1,
    /// which is the row number errors use) gets temp "abc".</summary>
    public static string BatchCsv(int rows, int firstId, int? badTempRow = null)
    {
        var text = new StringBuilder("id,hr,temp\n");
        for (var i = 0; i < rows; i++)
        {
            var temp = badTempRow == i + 1 ? "abc" : ((i % 10) / 10.0).ToString("0.0", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"r{firstId + i},{i % 24},{temp}\n");
        }
        return text.ToString();
    }

    /// <summary>Labels (cnt) for the rows r{firstId}… of <see cref="BatchCsv"/>.</summary>
    public static string LabelsCsv(int rows, int firstId)
    {
        var text = new StringBuilder("id,cnt\n");
        for (var i = 0; i < rows; i++)
            text.Append(CultureInfo.InvariantCulture, $"r{firstId + i},{10 + (5 * (i % 24)) + (10 * (i % 10))}\n");
        return text.ToString();
    }

    public static string TrainingCsv(int rows)
    {
        var random = new Random(Seed);
        var text = new StringBuilder("id,hr,temp,cnt\n");
        for (var i = 0; i < rows; i++)
        {
            var hr = i % 24;
            var temp = random.NextDouble();
            var cnt = 10 + (5 * hr) + (100 * temp) + random.Next(0, 10);
            text.Append(CultureInfo.InvariantCulture, $"t{i},{hr},{temp:0.000},{cnt:0}\n");
        }
        return text.ToString();
    }

    private static async Task<SeededData> SeedAsync()
    {
        var root = NewRoot();
        await using var provider = BuildProvider(root);
        await MigrateAsync(provider);
        var products = provider.GetRequiredService<ProductService>();
        var registry = provider.GetRequiredService<ModelRegistryService>();
        var batches = provider.GetRequiredService<BatchImporter>();
        var ct = CancellationToken.None;

        var rentals = await products.CreateAsync(new CreateProductRequest(RentalsName, "Hourly rentals for UI tests.", "UI tests",
            TaskType.Regression, RentalsSchema), ct);
        var version = await registry.TrainAsync(rentals.Id, Encoding.UTF8.GetBytes(TrainingCsv(60)), "training.csv",
            new TrainModelRequest(TrainerKind.FastTree, 0.2, Seed, "UI test model"), ct);
        var candidate = await registry.TrainAsync(rentals.Id, Encoding.UTF8.GetBytes(TrainingCsv(60)), "training.csv",
            new TrainModelRequest(TrainerKind.Sdca, 0.25, Seed + 1, CandidateNotes), ct);
        var old = await batches.ImportAsync(rentals.Id, Encoding.UTF8.GetBytes(BatchCsv(10, 1000)), OldBatchFile, BatchSource.Api,
            new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc), null, ct);
        var recent = await batches.ImportAsync(rentals.Id, Encoding.UTF8.GetBytes(BatchCsv(12, 2000)), NewBatchFile, BatchSource.Api,
            new DateTime(2026, 2, 1, 8, 0, 0, DateTimeKind.Utc), null, ct);
        await provider.GetRequiredService<LabelService>().UploadAsync(rentals.Id, Encoding.UTF8.GetBytes(LabelsCsv(10, 1000)), "labels.csv", ct);
        var empty = await products.CreateAsync(new CreateProductRequest(EmptyName, "Nothing here yet.", "UI tests",
            TaskType.Regression, RentalsSchema), ct);
        return new SeededData(root, rentals.Id, empty.Id, version.Number, candidate.Number, old.Id, recent.Id);
    }

    private static ServiceProvider BuildProvider(string root)
    {
        var services = new ServiceCollection();
        AddDashboard(services, root);
        return services.BuildServiceProvider();
    }

    private static async Task MigrateAsync(IServiceProvider provider)
    {
        var factory = provider.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        Directory.CreateDirectory(Path.Combine(provider.GetRequiredService<IConfiguration>()["Dashboard:RootDirectory"]!, "data"));
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }

    private static string NewRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "dpd-ui-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        return root;
    }
}
