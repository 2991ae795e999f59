using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using DataProductDashboard.Data;
using DataProductDashboard.Services.Demo;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Access;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Jobs;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Services.Trail;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Bench;

/// <summary>`bench uploads --files N (--mb S | --rows R) [--runs R] [--out-dir DIR]`: generates N distinct fixed-seed
/// bike-shaped CSVs, starts the real web app in-process on loopback (a temp data folder, demo off), and POSTs the N
/// files at the same time over HTTP as an Admin API key would (multipart field 'file', streamed from disk), following
/// 202 jobs to their end and sending again after 429/503 + Retry-After. It samples the process RSS every 50 ms and
/// reports peak RSS, time, rows/s and the status codes seen, checks that every row was stored exactly once (one batch
/// per file, its prediction count = the file's rows), and writes bench-uploads-NxSmb.json beside the CSVs. Each run
/// sends to a product of its own (so the same files are not refused as duplicates); figures are medians of the runs.</summary>
public static class UploadsBench
{
    private const double Megabyte = 1_000_000;
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(500);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArguments(args);
        var files = options.Int("files", 4);
        var mb = options.Double("mb");
        var rowsOption = options.Int("rows", 0);
        var runs = options.Int("runs", 1);
        if (files < 1 || runs < 1 || (mb is null && rowsOption <= 0) || mb <= 0)
        {
            await Console.Error.WriteLineAsync("usage: bench uploads --files N (--mb S | --rows R) [--runs R] [--out-dir DIR] [--log-level Information]");
            return 2;
        }
        var outDir = Path.GetFullPath(options.String("out-dir", Path.Combine(Path.GetTempPath(), "dpd-bench-uploads")));
        Directory.CreateDirectory(outDir);
        var rows = rowsOption > 0 ? rowsOption : RowsFor(mb!.Value);
        var label = mb is { } m ? string.Create(CultureInfo.InvariantCulture, $"{files}x{m:0.##}mb") : $"{files}x{rows}rows";

        var generate = Stopwatch.StartNew();
        var inputs = await GenerateAsync(outDir, files, rows);
        var bytes = inputs.Sum(f => new FileInfo(f).Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{files} files × {rows:N0} rows = {bytes / Megabyte:F1} MB ({bytes / Megabyte / files:F1} MB each), ready in {generate.Elapsed.TotalSeconds:F1} s → {outDir}"));

        var dataDir = Path.Combine(outDir, "store-" + Guid.NewGuid().ToString("N")[..8]);
        var maxUploadMb = Math.Max(256, (int)Math.Ceiling(inputs.Max(f => new FileInfo(f).Length) / (1024.0 * 1024.0)) + 1);
        var app = BenchApp.Build(dataDir, options.String("log-level", "Warning"), BenchApp.MaxUploadSetting(maxUploadMb));
        await app.StartAsync();
        try
        {
            var address = BenchApp.AddressOf(app);
            var key = (await app.Services.GetRequiredService<ApiKeyService>().CreateAsync(
                new CreateApiKeyRequest("bench-uploads", DashboardRoles.Admin), Actor.System, default)).Key;
            using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
            {
                BaseAddress = new Uri(address), Timeout = Timeout.InfiniteTimeSpan,
            };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var slots = app.Services.GetRequiredService<ImportSlots>();
            var options2 = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Configuration.DashboardOptions>>().Value;
            Console.WriteLine($"app on {address}: {options2.ImportSlots} import slots, budget {options2.ImportMemoryBudgetMegabytes} MB, " +
                $"background from {options2.BackgroundBatchRows:N0} rows, max upload {options2.MaxUploadMegabytes} MB, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");

            var results = new List<RunResult>();
            for (var run = 1; run <= runs; run++)
            {
                var productId = await CreateProductAsync(app.Services, run);
                // Each run from the same footprint: no SQLite page caches (up to 64 MB per pooled connection) filled
                // by the previous run or its check, no garbage.
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                BenchArguments.ReleaseMemory();
                var result = await RunOnceAsync(app.Services, client, slots, productId, inputs, rows, Path.Combine(outDir, $"bench-uploads-{label}-run{run}-rss.csv"));
                results.Add(result);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run}: {result.Seconds:F2} s = {result.RowsPerSecond:N0} rows/s, peak RSS {result.PeakRssMb:F0} MB (anon {result.PeakAnonMb:F0} + file {result.PeakFileMb:F0} at the peak; GC heap ≤ {result.PeakGcHeapMb:F0} MB), status {Codes(result.StatusCodes)}, stored once: {result.AllStoredOnce}{(result.Problems.Count > 0 ? " — " + string.Join("; ", result.Problems) : "")}"));
            }

            var statusCodes = results.SelectMany(r => r.StatusCodes).GroupBy(p => p.Key).OrderBy(g => g.Key)
                .ToDictionary(g => g.Key.ToString(CultureInfo.InvariantCulture), g => g.Sum(p => p.Value));
            var seconds = BenchArguments.Median(results.Select(r => r.Seconds));
            var peak = BenchArguments.Median(results.Select(r => r.PeakRssMb));
            var report = new
            {
                files,
                mb = Math.Round(bytes / Megabyte / files, 1),
                rows = (long)rows * files,
                rowsPerFile = rows,
                runs,
                statusCodes,
                seconds = Math.Round(seconds, 2),
                rowsPerSecond = Math.Round((double)rows * files / seconds),
                peakRssMb = Math.Round(peak, 1),
                allStoredOnce = results.All(r => r.AllStoredOnce),
                settings = new
                {
                    importSlots = options2.ImportSlots, importMemoryBudgetMegabytes = options2.ImportMemoryBudgetMegabytes,
                    maxQueuedImports = options2.MaxQueuedImports, backgroundBatchRows = options2.BackgroundBatchRows,
                },
                perRun = results.Select(r => new
                {
                    seconds = Math.Round(r.Seconds, 2), rowsPerSecond = Math.Round(r.RowsPerSecond), peakRssMb = Math.Round(r.PeakRssMb, 1),
                    peakAnonMb = Math.Round(r.PeakAnonMb, 1), peakFileMb = Math.Round(r.PeakFileMb, 1), peakGcHeapMb = Math.Round(r.PeakGcHeapMb, 1),
                    statusCodes = r.StatusCodes.OrderBy(p => p.Key).ToDictionary(p => p.Key.ToString(CultureInfo.InvariantCulture), p => p.Value),
                    r.AllStoredOnce, r.Problems,
                }),
            };
            var jsonPath = Path.Combine(outDir, $"bench-uploads-{label}.json");
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"median of {runs}: {files} × {bytes / Megabyte / files:F0} MB ({(long)rows * files:N0} rows) in {seconds:F2} s = {rows * files / seconds:N0} rows/s, peak RSS {peak:F0} MB (runs {string.Join(", ", results.Select(r => r.PeakRssMb.ToString("F0", CultureInfo.InvariantCulture)))}), status {Codes(statusCodes.ToDictionary(p => int.Parse(p.Key, CultureInfo.InvariantCulture), p => p.Value))}, all stored once: {report.allStoredOnce} → {jsonPath}"));
            return report.allStoredOnce ? 0 : 1;
        }
        finally
        {
            await BenchApp.StopAndDeleteAsync(app, dataDir);
        }
    }

    private static async Task<int> CreateProductAsync(IServiceProvider services, int run)
    {
        var product = await services.GetRequiredService<ProductService>().CreateAsync(
            new CreateProductRequest($"bench-uploads-{run}", null, null, TaskType.Regression, DemoProducts.BikeSchema), default);
        await services.GetRequiredService<ModelRegistryService>().TrainAsync(product.Id, BikeShapedCsv.Generate(20_000, seed: 7, withLabel: true),
            "train.csv", new TrainModelRequest(TrainerKind.FastTree), default);
        return product.Id;
    }

    /// <summary>Rows per file for about <paramref name="mb"/> MB (10^6 bytes), from the size of a sample.</summary>
    private static int RowsFor(double mb)
    {
        const int sample = 20_000;
        using var counter = new MemoryStream();
        BikeShapedCsv.Write(counter, sample, seed: 1, firstKey: 1_000_000);
        var perRow = (counter.Length - BikeShapedCsv.Header.Length - 1) / (double)sample;
        return (int)Math.Max(1, Math.Round(mb * Megabyte / perRow));
    }

    /// <summary>One file per upload, each with its own seed and row keys (no two alike), written once and reused.</summary>
    private static async Task<string[]> GenerateAsync(string outDir, int files, int rows)
    {
        var paths = Enumerable.Range(0, files).Select(i => Path.Combine(outDir, $"bike-upload-{rows}-{i + 1}.csv")).ToArray();
        await Parallel.ForEachAsync(Enumerable.Range(0, files), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (i, ct) =>
        {
            if (File.Exists(paths[i]))
                return;
            var temp = paths[i] + ".tmp";
            await using (var file = File.Create(temp))
                BikeShapedCsv.Write(file, rows, seed: 1000 + i, firstKey: ((long)i * rows) + 1);
            File.Move(temp, paths[i], overwrite: true);
        });
        return paths;
    }

    private static async Task<RunResult> RunOnceAsync(IServiceProvider services, HttpClient client, ImportSlots slots, int productId,
        string[] inputs, int rows, string tracePath)
    {
        var codes = new Dictionary<int, int>();
        using var sampler = new RssSampler(slots, services.GetRequiredService<JobTracker>(), tracePath);
        var clock = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(inputs.Select(path => Task.Run(() => UploadAsync(client, productId, path, codes))));
        clock.Stop();
        sampler.Stop();

        // Every row stored exactly once: one batch per file, its row count and its stored predictions = the file's rows.
        var problems = new List<string>();
        await using var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var batches = await db.Batches.AsNoTracking().Where(b => b.ProductId == productId).Select(b => new { b.Id, b.FileName, b.RowCount }).ToListAsync();
        var batchIds = batches.Select(b => b.Id).ToList();
        var predictions = await db.Predictions.AsNoTracking().Where(p => batchIds.Contains(p.BatchId)).GroupBy(p => p.BatchId)
            .Select(g => new { BatchId = g.Key, Rows = g.Count() }).ToDictionaryAsync(g => g.BatchId, g => g.Rows);
        foreach (var o in outcomes.Where(o => o.Error is not null))
            problems.Add($"{Path.GetFileName(o.Path)}: {o.Error}");
        if (batches.Count != inputs.Length)
            problems.Add($"{batches.Count} batches stored for {inputs.Length} files");
        foreach (var path in inputs)
        {
            var name = Path.GetFileName(path);
            var stored = batches.Where(b => b.FileName == name).ToList();
            if (stored.Count != 1)
                problems.Add($"{name}: {stored.Count} batches");
            else if (stored[0].RowCount != rows || predictions.GetValueOrDefault(stored[0].Id) != rows)
                problems.Add($"{name}: batch {stored[0].Id} has {stored[0].RowCount} rows and {predictions.GetValueOrDefault(stored[0].Id)} predictions, not {rows}");
        }
        var rowsStored = batches.Sum(b => (long)b.RowCount);
        var allOnce = problems.Count == 0 && rowsStored == (long)rows * inputs.Length && predictions.Values.Sum(v => (long)v) == rowsStored;
        return new RunResult(clock.Elapsed.TotalSeconds, (double)rows * inputs.Length / clock.Elapsed.TotalSeconds, sampler.PeakRssMb, sampler.AnonAtPeakMb,
            sampler.FileAtPeakMb, sampler.PeakGcHeapMb, codes, allOnce, problems);
    }

    /// <summary>POSTs one file (streamed from disk, never held by the client) until it is taken, then follows its job.</summary>
    private static async Task<Outcome> UploadAsync(HttpClient client, int productId, string path, Dictionary<int, int> codes)
    {
        while (true)
        {
            using var form = new MultipartFormDataContent();
            var file = new StreamContent(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
                FileOptions.Asynchronous | FileOptions.SequentialScan), 1 << 16);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", Path.GetFileName(path));
            using var response = await client.PostAsync($"/api/products/{productId}/batches", form);
            Count(codes, response.StatusCode);
            switch (response.StatusCode)
            {
                case HttpStatusCode.Created:
                    var batch = await response.Content.ReadFromJsonAsync<BatchSummary>(Json);
                    return new Outcome(path, batch!.Id, null);
                case HttpStatusCode.Accepted:
                    var job = await response.Content.ReadFromJsonAsync<JobStatus>(Json);
                    return await FollowAsync(client, path, job!.Id, codes);
                case HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable:
                    await Task.Delay(RetryAfter(response));
                    continue;
                default:
                    return new Outcome(path, null, $"{(int)response.StatusCode}: {Shorten(await response.Content.ReadAsStringAsync())}");
            }
        }
    }

    private static async Task<Outcome> FollowAsync(HttpClient client, string path, Guid jobId, Dictionary<int, int> codes)
    {
        while (true)
        {
            await Task.Delay(PollEvery);
            using var response = await client.GetAsync($"/api/jobs/{jobId}");
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            {
                Count(codes, response.StatusCode, "poll ");
                await Task.Delay(RetryAfter(response));
                continue;
            }
            if (response.StatusCode != HttpStatusCode.OK)
                return new Outcome(path, null, $"job {jobId}: {(int)response.StatusCode} {Shorten(await response.Content.ReadAsStringAsync())}");
            var job = (await response.Content.ReadFromJsonAsync<JobStatus>(Json))!;
            if (job.State == JobState.Succeeded)
            {
                Count(codes, HttpStatusCode.OK);
                return new Outcome(path, job.BatchId, null);
            }
            if (job.State == JobState.Failed)
                return new Outcome(path, null, $"job {jobId} failed: {job.Error}");
        }
    }

    /// <summary>Counts the answers to the uploads (and 200 once per job that succeeded); 429/503 answers to a status poll
    /// are not upload answers and count only under their own key (e.g. 1429).</summary>
    private static void Count(Dictionary<int, int> codes, HttpStatusCode code, string kind = "")
    {
        var key = kind.Length == 0 ? (int)code : 1000 + (int)code;
        lock (codes)
            codes[key] = codes.GetValueOrDefault(key) + 1;
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta
        ?? (response.Headers.RetryAfter?.Date is { } at ? at - DateTimeOffset.UtcNow : (TimeSpan?)null)
        ?? TimeSpan.FromSeconds(1);

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private static string Codes(IReadOnlyDictionary<int, int> codes) =>
        string.Join(", ", codes.OrderBy(p => p.Key).Select(p => p.Key > 1000 ? $"poll {p.Key - 1000}×{p.Value}" : $"{p.Key}×{p.Value}"));

    private sealed record Outcome(string Path, int? BatchId, string? Error);

    private sealed record RunResult(double Seconds, double RowsPerSecond, double PeakRssMb, double PeakAnonMb, double PeakFileMb, double PeakGcHeapMb,
        IReadOnlyDictionary<int, int> StatusCodes, bool AllStoredOnce, IReadOnlyList<string> Problems);

    /// <summary>Reads /proc/self/status (VmRSS, RssAnon, RssFile) every 50 ms on a thread of its own (not the pool the
    /// app and the uploads share), keeps the peak and writes the trace (with the GC heap and the import slots in use)
    /// to a CSV. The kernel's own peak (VmHWM, reset at the start through /proc/self/clear_refs) is taken as well, so a
    /// spike between two samples is not missed.</summary>
    private sealed class RssSampler : IDisposable
    {
        private readonly ImportSlots _slots;
        private readonly JobTracker _jobs;
        private readonly StreamWriter _trace;
        private volatile string _stage = "";
        private readonly Thread _thread;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly bool _hwmReset;
        private volatile bool _stop;
        private bool _stopped;

        public RssSampler(ImportSlots slots, JobTracker jobs, string tracePath)
        {
            _slots = slots;
            _jobs = jobs;
            _jobs.Changed += OnJobChanged;
            _trace = new StreamWriter(tracePath, append: false, new UTF8Encoding(false));
            _trace.WriteLine("seconds,rssMb,anonMb,fileMb,gcHeapMb,gcCommittedMb,importsRunning,importsWaiting,gen2Collections,lastJobStage");
            _hwmReset = ProcessMemory.TryResetPeak();
            _thread = new Thread(Loop) { IsBackground = true, Name = "rss-sampler", Priority = ThreadPriority.AboveNormal };
            _thread.Start();
        }

        private void OnJobChanged(JobStatus job) => _stage = $"{job.FileName[^5..]}:{job.State}/{job.Stage}";

        public double PeakRssMb { get; private set; }
        public double AnonAtPeakMb { get; private set; }
        public double FileAtPeakMb { get; private set; }
        public double PeakGcHeapMb { get; private set; }

        private void Loop()
        {
            while (!_stop)
            {
                Sample();
                Thread.Sleep(SampleEvery);
            }
        }

        private void Sample()
        {
            var (rss, anon, file, _) = ProcessMemory.Read();
            var gc = GC.GetGCMemoryInfo(GCKind.Any);
            var heap = GC.GetTotalMemory(false) / (1024.0 * 1024.0);
            if (rss > PeakRssMb)
                (PeakRssMb, AnonAtPeakMb, FileAtPeakMb) = (rss, anon, file);
            PeakGcHeapMb = Math.Max(PeakGcHeapMb, heap);
            _trace.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{_clock.Elapsed.TotalSeconds:F2},{rss:F1},{anon:F1},{file:F1},{heap:F1},{gc.TotalCommittedBytes / (1024.0 * 1024.0):F1},{_slots.Running},{_slots.Waiting},{GC.CollectionCount(2)},{_stage}"));
        }

        public void Stop()
        {
            if (_stopped)
                return;
            _stopped = true;
            _stop = true;
            _jobs.Changed -= OnJobChanged;
            _thread.Join();
            Sample();
            if (_hwmReset)
                PeakRssMb = Math.Max(PeakRssMb, ProcessMemory.Read().PeakRssMb);
            _trace.Dispose();
        }

        public void Dispose() => Stop();
    }
}
