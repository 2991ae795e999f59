using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Services.Demo;
using DataProductDashboard.Domain;
using DataProductDashboard.Hosting;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Experiments;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Storage;

namespace DataProductDashboard.Bench;

/// <summary>`bench ingest --rows N [--runs R] [--out-dir DIR] [--experiment-share S]`: generates a fixed-seed bike-shaped
/// CSV, then times parse + validate, scoring and storing through <see cref="BatchImporter"/> (the path the UI and the API
/// use) on a fresh store (SQLite, or the PostgreSQL database the settings name: several benches may share it), and reports rows/s per stage (median of the runs) and peak RSS. With
/// <c>--experiment-share</c> (e.g. 0.5) a second FastTree version is trained and an A/B test started first, so every run
/// is split between the two models (assignment, per-arm scoring and per-arm audits included). With
/// <c>--challengers C</c> that many more FastTree versions are marked as challengers and shadow-score every row of each
/// batch (the row cap set to the batch size): the report gives their scoring seconds per 100,000 rows.</summary>
public static class IngestBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArguments(args);
        var rows = options.Int("rows", 1_000_000);
        var runs = options.Int("runs", 3);
        var share = options.Double("experiment-share");
        var challengers = options.Int("challengers", 0);
        var outDir = Path.GetFullPath(options.String("out-dir", Path.Combine(Path.GetTempPath(), "dpd-bench-ingest")));
        Directory.CreateDirectory(outDir);
        var dataDir = Path.Combine(outDir, "store-" + Guid.NewGuid().ToString("N")[..8]);

        var csvPath = Path.Combine(outDir, $"bike-{rows}.csv");
        var generate = Stopwatch.StartNew();
        WriteRun(csvPath, rows, run: 1);
        Console.WriteLine($"generated {rows:N0} rows ({new FileInfo(csvPath).Length / 1e6:F1} MB) in {generate.Elapsed.TotalSeconds:F2} s → {csvPath}");

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dashboard:RootDirectory"] = outDir,
            ["Dashboard:DataDirectory"] = dataDir,
            ["Dashboard:SeedDemo"] = "false",
            ["Dashboard:ShadowRowsPerBatch"] = rows.ToString(CultureInfo.InvariantCulture),
        });
        builder.Services.AddDashboardCore();
        builder.Services.AddDashboardAccess(); // the start-up creates the first Admin
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var products = host.Services.GetRequiredService<ProductService>();
            var registry = host.Services.GetRequiredService<ModelRegistryService>();
            var batches = host.Services.GetRequiredService<BatchImporter>();
            // Named by its store folder: benches started at once on one PostgreSQL database (two instances importing) each
            // have a product of their own.
            var product = await products.CreateAsync(new CreateProductRequest("bench " + Path.GetFileName(dataDir), null, null, TaskType.Regression, DemoProducts.BikeSchema), default);
            var model = await registry.TrainAsync(product.Id, BikeShapedCsv.Generate(20_000, seed: 7, withLabel: true), "train.csv",
                new TrainModelRequest(TrainerKind.FastTree), default);
            Console.WriteLine($"model: {model.Trainer}, trained in {model.TrainingSeconds:F2} s");
            if (share is { } s)
            {
                var challenger = await registry.TrainAsync(product.Id, BikeShapedCsv.Generate(20_000, seed: 8, withLabel: true), "train-v2.csv",
                    new TrainModelRequest(TrainerKind.FastTree, Seed: 43), default);
                await host.Services.GetRequiredService<ExperimentService>().StartAsync(product.Id,
                    new StartExperimentRequest(challenger.Number, ExperimentMetrics.Mae, 1, s), new Actor("bench"), default);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"experiment: v{challenger.Number} on {s:P0} of rows against v{model.Number}"));
            }

            var shadowVersions = new List<int>();
            for (var c = 0; c < challengers; c++)
            {
                var shadow = await registry.TrainAsync(product.Id, BikeShapedCsv.Generate(20_000, seed: 100 + c, withLabel: true), $"train-shadow-{c}.csv",
                    new TrainModelRequest(TrainerKind.FastTree, Seed: 100 + c), default);
                await host.Services.GetRequiredService<ChallengerService>().MarkAsync(product.Id, shadow.Number, new Actor("bench"), default);
                shadowVersions.Add(shadow.Number);
            }
            if (challengers > 0)
                Console.WriteLine($"challengers: v{string.Join(", v", shadowVersions)} shadow-score every row of each batch");

            var results = new List<StageTimes>();
            var shadowSeconds = new List<double>();
            for (var run = 1; run <= runs; run++)
            {
                // Each run is an upload: the file's bytes arrive in memory, as the UI and the API receive them.
                if (run > 1)
                    WriteRun(csvPath, rows, run);
                BenchArguments.ReleaseMemory();
                var (times, batch) = await RunOnceAsync(batches, host.Services.GetRequiredService<ContentStore>(), product.Id, csvPath, run);
                results.Add(times);
                foreach (var number in shadowVersions)
                {
                    var points = await host.Services.GetRequiredService<Services.Audit.AuditQueryService>()
                        .GetSeriesAsync(product.Id, Analysis.MetricKeys.ScoringSeconds, null, null, null, null, default, modelVersion: number);
                    shadowSeconds.Add(points.Single(p => p.BatchId == batch.Id).Value);
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run}: parse+validate {times.Parse:F2} s, score {times.Score:F2} s, store {times.Store:F2} s, total {times.Total:F2} s = {rows / times.Total:N0} rows/s (p50 {batch.LatencyP50Micros:F2} µs/row)"));
            }

            var median = new StageTimes(BenchArguments.Median(results.Select(r => r.Parse)), BenchArguments.Median(results.Select(r => r.Score)),
                BenchArguments.Median(results.Select(r => r.Store)), BenchArguments.Median(results.Select(r => r.Total)));
            var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
            var report = new
            {
                rows,
                runs,
                experimentShare = share,
                challengers,
                shadowSecondsPer100kRowsPerChallenger = shadowSeconds.Count == 0 ? (double?)null
                    : Math.Round(BenchArguments.Median(shadowSeconds) * 100_000 / rows, 4),
                median_s = median,
                rowsPerSecond = new
                {
                    parse = rows / median.Parse, score = rows / median.Score, store = rows / median.Store, total = rows / median.Total,
                },
                peakMemoryMb = Math.Round(peakMb, 1),
            };
            var json = JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true });
            await File.WriteAllTextAsync(Path.Combine(outDir, share is not null ? $"bench-ingest-{rows}-experiment.json" : challengers > 0 ? $"bench-ingest-{rows}-challengers.json" : $"bench-ingest-{rows}.json"), json);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"median of {runs}: parse {rows / median.Parse:N0} rows/s, score {rows / median.Score:N0} rows/s, store {rows / median.Store:N0} rows/s, end to end {rows / median.Total:N0} rows/s ({median.Total:F2} s); peak RSS {peakMb:F0} MB"));
            if (shadowSeconds.Count > 0)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"shadow scoring: median {BenchArguments.Median(shadowSeconds) * 100_000 / rows:F3} s per 100,000 rows per challenger ({shadowSeconds.Count} measurements)"));
        }
        finally
        {
            await host.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
        return 0;
    }

    /// <summary>Run <paramref name="run"/>'s file: the same rows every run (fixed seed), with row keys that continue
    /// from the previous run's, as a product's next batch brings new keys (re-sending the same keys every run would make
    /// each batch's keys land all over the (product, row key) index instead of beside the previous batch's).</summary>
    private static void WriteRun(string csvPath, int rows, int run)
    {
        using var file = File.Create(csvPath);
        BikeShapedCsv.Write(file, rows, seed: 42, firstKey: 1 + (long)(run - 1) * rows);
    }

    /// <summary>One measured upload in its own state machine, so its bytes and parsed table die with it.</summary>
    private static async Task<(StageTimes Times, BatchSummary Batch)> RunOnceAsync(BatchImporter batches, ContentStore store, int productId, string csvPath, int run)
    {
        var rows = await CountRowsAsync(csvPath);
        var total = Stopwatch.StartNew();
        // As an upload arrives: streamed to data/tmp, hashed on the way.
        await using var source = File.OpenRead(csvPath);
        using var upload = await store.ReceiveAsync(source, $"bench-{run}.csv", long.MaxValue, () => new InvalidOperationException("too large"), default);
        // What a queued import job does: the file, checked when the upload arrived (one more read, in the request, before
        // its 202), is read, checked, scored and audited chunk by chunk, then stored.
        var prepared = await batches.PrepareAsync(productId, upload, BatchSource.Api, null, default, validated: rows);
        var batch = await batches.ImportAsync(prepared, jobId: null, progress: null, default);
        total.Stop();
        return (new StageTimes(batch.ParseSeconds, batch.ScoringSeconds, batch.StoreSeconds, total.Elapsed.TotalSeconds), batch);
    }

    private static async Task<int> CountRowsAsync(string path)
    {
        var lines = 0;
        await foreach (var _ in File.ReadLinesAsync(path))
            lines++;
        return lines - 1;
    }

    private sealed record StageTimes(double Parse, double Score, double Store, double Total);
}
