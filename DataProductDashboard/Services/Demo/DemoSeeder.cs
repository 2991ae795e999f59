using System.Globalization;
using System.Text;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Experiments;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.Services.Labels;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Products;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Demo;

/// <summary>Seeds the two demo data products on first start, through the same services the UI and API use.
/// Idempotent: a product that already exists is left alone. Fixed seeds throughout.</summary>
public sealed class DemoSeeder(
    IDbContextFactory<DashboardDbContext> dbFactory,
    ProductService products,
    ModelRegistryService registry,
    BatchImporter batches,
    LabelService labels,
    GateService gates,
    KpiService kpis,
    ExperimentService experiments,
    ChallengerService challengers,
    Releases.ReleaseService releases,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    public const int Seed = 20261124;
    public const int LabelLagBatches = 2;

    public static string DemoDataDirectory => Path.Combine(AppContext.BaseDirectory, "DemoData");

    public async Task SeedAsync(CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var seededBike = await SeedBikeAsync(ct);
        var bikeDone = clock.GetTimestamp();
        var seededCredit = await SeedCreditAsync(ct);
        if (seededBike || seededCredit)
            logger.LogInformation("Seeded the demo in {Seconds:F1} s (bike {Bike:F2} s, credit {Credit:F2} s)", clock.GetElapsedTime(started).TotalSeconds,
                clock.GetElapsedTime(started, bikeDone).TotalSeconds, clock.GetElapsedTime(bikeDone).TotalSeconds);
    }

    private async Task<bool> ExistsAsync(string name, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Products.AnyAsync(p => p.Name == name, ct);
    }

    private async Task<bool> SeedBikeAsync(CancellationToken ct)
    {
        if (await ExistsAsync(DemoProducts.BikeName, ct))
            return false;
        var lines = await File.ReadAllLinesAsync(Path.Combine(DemoDataDirectory, "hour.csv"), ct);
        var header = lines[0].Split(',');
        var keep = Enumerable.Range(0, header.Length).Where(i => header[i] is not ("casual" or "registered")).ToArray();
        var featureColumns = keep.Where(i => header[i] != "cnt").ToArray();
        var day = Array.IndexOf(header, "dteday");
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();

        var product = await products.CreateAsync(new CreateProductRequest(DemoProducts.BikeName,
            "Hourly bike rentals in Washington D.C. (Capital Bikeshare, UCI). Forecasts demand from calendar and weather so that the operator can rebalance bikes.",
            "Operations · Mobility team", TaskType.Regression, DemoProducts.BikeSchema), ct);

        var training = rows.Where(r => DateTime.Parse(r[day], CultureInfo.InvariantCulture) < new DateTime(2011, 7, 1));
        await registry.TrainAsync(product.Id, Csv(header, keep, training), "bike-2011-h1.csv",
            new TrainModelRequest(TrainerKind.FastTree, 0.2, Seed, "Demo v1: FastTree on January–June 2011."), ct, by: DemoActor);
        await AddGatesAsync(product.Id, DemoProducts.BikeGates, ct);

        var production = rows.Where(r => DateTime.Parse(r[day], CultureInfo.InvariantCulture) >= new DateTime(2011, 7, 1))
            .GroupBy(r => WeekStart(DateTime.Parse(r[day], CultureInfo.InvariantCulture))).ToList();
        var challengersFrom = new DateTime(2012, 1, 2);
        IReadOnlyList<int> challengerVersions = [];
        foreach (var week in production)
        {
            if (week.Key == challengersFrom)
                challengerVersions = await AddBikeChallengersAsync(product.Id, header, keep, rows, day, ct);
            var received = DateTime.SpecifyKind(week.Key.AddDays(7).AddHours(6), DateTimeKind.Utc);
            await batches.ImportAsync(product.Id, Csv(header, featureColumns, week), $"rentals-{week.Key:yyyy-MM-dd}.csv",
                BatchSource.Demo, received, progress: null, ct);
        }
        // True counts arrive later: all but the last two weeks are labelled.
        var keyAndLabel = new[] { Array.IndexOf(header, "instant"), Array.IndexOf(header, "cnt") };
        await labels.UploadAsync(product.Id, Csv(header, keyAndLabel, production.SkipLast(LabelLagBatches).SelectMany(w => w)), "rental-counts.csv", ct);
        await AddKpisAsync(product.Id, DemoProducts.BikeKpis, ct);
        // Both challengers judged by the release gates on the same latest labelled rows as the champion: v2 passes, v3 is blocked.
        foreach (var version in challengerVersions)
            await releases.EvaluateAsync(product.Id, version, ct);
        return true;
    }

    /// <summary>At the turn of 2012 the data scientist trains two candidates and shadow-scores both beside v1 on every
    /// batch of 2012: v2 on the whole of 2011 (better on 2012's rows), v3 on its first quarter only (worse).</summary>
    private async Task<IReadOnlyList<int>> AddBikeChallengersAsync(int productId, string[] header, int[] keep, IReadOnlyList<string[]> rows, int day, CancellationToken ct)
    {
        DateTime Day(string[] r) => DateTime.Parse(r[day], CultureInfo.InvariantCulture);
        var better = await registry.TrainAsync(productId, Csv(header, keep, rows.Where(r => Day(r) < new DateTime(2012, 1, 1))), "bike-2011.csv",
            new TrainModelRequest(TrainerKind.FastTree, 0.2, Seed, "Demo v2: FastTree on the whole of 2011, shadow-scored beside v1 through 2012."), ct, by: DemoActor);
        var worse = await registry.TrainAsync(productId, Csv(header, keep, rows.Where(r => Day(r) < new DateTime(2011, 4, 1))), "bike-2011-q1.csv",
            new TrainModelRequest(TrainerKind.FastTree, 0.2, Seed, "Demo v3: FastTree on January–March 2011 only (winter), shadow-scored beside v1 through 2012."), ct, by: DemoActor);
        await challengers.MarkAsync(productId, better.Number, DemoActor, ct);
        await challengers.MarkAsync(productId, worse.Number, DemoActor, ct);
        return [better.Number, worse.Number];
    }

    private async Task<bool> SeedCreditAsync(CancellationToken ct)
    {
        if (await ExistsAsync(DemoProducts.CreditName, ct))
            return false;
        var lines = await File.ReadAllLinesAsync(Path.Combine(DemoDataDirectory, "german-credit.csv"), ct);
        var source = lines[0].Split(',');
        var status = Array.IndexOf(source, "personal_status_sex");
        var age = Array.IndexOf(source, "age_years");
        string[] header = ["application_id", .. source, "sex", "age_band"];
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select((l, i) =>
        {
            var v = l.Split(',');
            return (string[])[$"APP-{i + 1:D4}", .. v, DemoProducts.Sex(v[status]), DemoProducts.AgeBand(int.Parse(v[age], CultureInfo.InvariantCulture))];
        }).ToArray();
        new Random(Seed).Shuffle(rows);
        var all = Enumerable.Range(0, header.Length).ToArray();
        var withoutLabel = all.Where(i => header[i] != "credit_risk").ToArray();

        var product = await products.CreateAsync(new CreateProductRequest(DemoProducts.CreditName,
            "Scores consumer-credit applications as good or bad risk (Statlog German Credit, UCI). Bad risk (2) is the positive class; sex, age band and foreign worker are watched for fairness.",
            "Retail lending · Risk team", TaskType.BinaryClassification, DemoProducts.CreditSchema), ct);
        var training = Csv(header, all, rows.Take(700));
        await registry.TrainAsync(product.Id, training, "credit-training-700.csv",
            new TrainModelRequest(TrainerKind.FastTree, 0.2, Seed, "Demo v1: FastTree on 700 applications."), ct, by: DemoActor);
        await AddGatesAsync(product.Id, DemoProducts.CreditGates, ct);
        // A challenger on the same data, A/B-tested on every production batch: the demo shows a running, underpowered test.
        var challenger = await registry.TrainAsync(product.Id, training, "credit-training-700.csv",
            new TrainModelRequest(TrainerKind.LightGbm, 0.2, Seed, "Demo v2: LightGBM on the same 700 applications, A/B-tested against v1."), ct, by: DemoActor);
        await experiments.StartAsync(product.Id, new StartExperimentRequest(challenger.Number, ExperimentMetrics.Accuracy, 0.05, 0.5, 0.05, 0.8,
            $"LightGBM v{challenger.Number} vs FastTree v1", "LightGBM separates good from bad risks better than FastTree on the same applications."), DemoActor, ct);

        var today = clock.GetUtcNow().UtcDateTime.Date;
        var production = rows.Skip(700).Chunk(50).ToArray();
        for (var i = 0; i < production.Length; i++)
        {
            var received = DateTime.SpecifyKind(today.AddDays(-7 * (production.Length - i)).AddHours(9), DateTimeKind.Utc);
            await batches.ImportAsync(product.Id, Csv(header, withoutLabel, production[i]), $"applications-{received:yyyy-MM-dd}.csv",
                BatchSource.Demo, received, progress: null, ct);
        }
        // Repayment outcomes arrive later: all but the last two weeks are labelled.
        var keyAndLabel = new[] { 0, Array.IndexOf(header, "credit_risk") };
        await labels.UploadAsync(product.Id, Csv(header, keyAndLabel, production.SkipLast(LabelLagBatches).SelectMany(b => b)), "credit-outcomes.csv", ct);
        await AddKpisAsync(product.Id, DemoProducts.CreditKpis, ct);
        return true;
    }

    private async Task AddGatesAsync(int productId, IEnumerable<GateRuleInput> rules, CancellationToken ct)
    {
        foreach (var rule in rules)
            await gates.CreateAsync(productId, rule with { Owner = DemoOwner }, DemoActor, ct);
    }

    /// <summary>KPIs are added once the batches and labels are in: one recompute per KPI instead of one per import.</summary>
    private async Task AddKpisAsync(int productId, IEnumerable<KpiInput> inputs, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        foreach (var input in inputs)
            await kpis.CreateAsync(productId, input with { Owner = DemoOwner }, DemoActor, ct);
        logger.LogInformation("Seeded the KPIs of product {ProductId} in {Seconds:F2} s", productId, clock.GetElapsedTime(started).TotalSeconds);
    }

    public const string DemoOwner = "Demo product manager";
    private static readonly Services.Trail.Actor DemoActor = new("demo seeder");

    private static DateTime WeekStart(DateTime day) => day.Date.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static byte[] Csv(string[] header, int[] columns, IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(i => header[i])).Append('\n');
        foreach (var row in rows)
            text.AppendJoin(',', columns.Select(i => row[i])).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
