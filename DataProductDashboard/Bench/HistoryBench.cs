using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using DataProductDashboard.Configuration;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Access;
using DataProductDashboard.Services.Trail;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Bench;

/// <summary>`bench history [--batches 50,200,800] [--rows 5000] [--runs 5] [--out-dir DIR] [--log-level Warning]`: starts
/// the real web app in-process on loopback (a fresh data folder inside the out-dir, deleted at the end), sets up one
/// regression product through the API (<see cref="HistoryProduct"/>: champion, challenger, KPI, seven gates, an A/B test
/// at 20 %), then grows it one batch of --rows rows at a time, uploading the labels of batch n − 2 after batch n is
/// stored. At each checkpoint (the product has that many batches) it times --runs sequential GETs (after one warm-up)
/// of nine pages, signed in with a cookie, and three API reads, and takes the medians; times one label file for 18
/// batches; reads the RSS after a full GC, the peak RSS and the database size. It prints a table (one row per
/// measurement, one column per checkpoint, and last ÷ first) and writes bench-history.json to the out-dir. Any answer
/// other than 200 fails the bench.</summary>
public static class HistoryBench
{
    private const string Usage = "bench history [--batches 50,200,800] [--rows 5000] [--runs 5] [--out-dir DIR] [--keep-data] [--log-level Warning]";
    private const string UserName = "bench.history";
    private const int BigLabelBatches = 18;
    private const int RoutineLabelUploads = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArguments(args);
        var checkpoints = ParseCheckpoints(options.String("batches", "50,200,800"));
        var rows = options.Int("rows", 5000);
        var runs = options.Int("runs", 5);
        if (checkpoints is null || rows < 1 || runs < 1)
        {
            await Console.Error.WriteLineAsync("usage: " + Usage + "\n  --batches: increasing batch counts (> 0) at which to measure");
            return 2;
        }
        var outDir = Path.GetFullPath(options.String("out-dir", Path.Combine(Path.GetTempPath(), "dpd-bench-history")));
        Directory.CreateDirectory(outDir);
        var dataDir = Path.Combine(outDir, "store-" + Guid.NewGuid().ToString("N")[..8]);
        var keepData = args.Contains("--keep-data");
        // The bench measures the server's time, not the API rate limit (a fast run makes thousands of calls a minute).
        var app = BenchApp.Build(dataDir, options.String("log-level", "Warning"), "Dashboard:RateLimits:ApiPerMinute=1000000");
        await app.StartAsync();
        try
        {
            var ct = CancellationToken.None;
            var address = new Uri(BenchApp.AddressOf(app));
            var key = (await app.Services.GetRequiredService<ApiKeyService>().CreateAsync(
                new CreateApiKeyRequest("bench-history", DashboardRoles.Admin), Actor.System, ct)).Key;
            using var api = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, AllowAutoRedirect = false })
            {
                BaseAddress = address, Timeout = TimeSpan.FromMinutes(10),
            };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var password = PasswordGenerator.Create();
            await app.Services.GetRequiredService<UserAdminService>().AddAsync(UserName, [DashboardRoles.Admin], password, Actor.System, ct);
            using var browser = await SignedInClient.CreateAsync(address, UserName, password, ct);
            var databasePath = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.DatabasePath;

            var setupClock = Stopwatch.StartNew();
            var product = await HistoryProduct.SetUpAsync(api, rows, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"app on {address}: product {product.Id} set up in {setupClock.Elapsed.TotalSeconds:F1} s (champion v1, challenger v2, 1 KPI, 7 gates, A/B test {product.ExperimentId} at {HistoryProduct.ChallengerShare:0%}); " +
                $"growing to {checkpoints[^1]:N0} batches of {rows:N0} rows, measuring at {string.Join(", ", checkpoints)} with {runs} runs"));

            var growth = new Growth(product);
            var results = new List<HistoryCheckpoint>();
            foreach (var target in checkpoints)
            {
                var (done, upload, labels, seconds) = await growth.GrowToAsync(target, ct);
                var measureClock = Stopwatch.StartNew();
                var (pages, apis) = await MeasureReadsAsync(browser, api, product, growth.NewestBatchId, runs, ct);
                var last = target >= BigLabelBatches + 2 ? target - 2 : Math.Min(target, BigLabelBatches);
                // The same file sent `runs` times (its labels replace themselves): the median, as for the pages.
                var bigTimes = new List<double>();
                var bigRows = 0;
                for (var r = 0; r < runs; r++)
                {
                    var (sent, took) = await product.UploadLabelsAsync(Math.Max(1, last - BigLabelBatches + 1), last, ct);
                    (bigRows, bigTimes) = (sent, [.. bigTimes, took.TotalMilliseconds]);
                }
                BenchArguments.ReleaseMemory();
                var memory = ProcessMemory.Read();
                var checkpoint = new HistoryCheckpoint
                {
                    Batches = target,
                    Pages = pages,
                    Apis = apis,
                    LabelUpload5kMs = growth.LabelTimes.Count == 0 ? null : Math.Round(BenchArguments.Median(growth.LabelTimes.TakeLast(RoutineLabelUploads)), 1),
                    LabelUpload90kMs = Math.Round(BenchArguments.Median(bigTimes), 1),
                    LabelUpload90kRows = bigRows,
                    RssMb = Math.Round(memory.RssMb, 1),
                    PeakRssMb = Math.Round(memory.PeakRssMb, 1),
                    DbMb = Math.Round((FileSize(databasePath) + FileSize(databasePath + "-wal")) / (1024.0 * 1024.0), 1),
                    WalMb = Math.Round(FileSize(databasePath + "-wal") / (1024.0 * 1024.0), 1),
                    SecondsPerBatch = Math.Round(seconds / done, 3),
                    UploadSecondsPerBatch = Math.Round(upload / done, 3),
                    LabelSecondsPerBatch = Math.Round(labels / done, 3),
                    MeasureSeconds = Math.Round(measureClock.Elapsed.TotalSeconds, 1),
                };
                results.Add(checkpoint);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"checkpoint {target:N0} batches: grown at {checkpoint.SecondsPerBatch:F2} s/batch (upload {checkpoint.UploadSecondsPerBatch:F2}, labels {checkpoint.LabelSecondsPerBatch:F2}), " +
                    $"measured in {checkpoint.MeasureSeconds:F1} s; label file of {bigRows:N0} rows {checkpoint.LabelUpload90kMs:F0} ms; RSS {checkpoint.RssMb:F0} MB (peak {checkpoint.PeakRssMb:F0}), db {checkpoint.DbMb:F0} MB"));
            }

            var jsonPath = Path.Combine(outDir, "bench-history.json");
            await File.WriteAllTextAsync(jsonPath, HistoryReport.Json(rows, runs, product, results), ct);
            Console.WriteLine();
            Console.WriteLine(HistoryReport.Table(results));
            Console.WriteLine($"→ {jsonPath}");
            return 0;
        }
        finally
        {
            if (keepData)
            {
                await app.StopAsync();
                await app.DisposeAsync();
                Console.WriteLine($"data kept in {dataDir} (start the app on it with Dashboard__DataDirectory={dataDir})");
            }
            else
            {
                await BenchApp.StopAndDeleteAsync(app, dataDir);
            }
        }
    }

    /// <summary>Medians of the pages (signed-in cookie, server-prerendered HTML) and the API reads, by route.</summary>
    private static async Task<(Dictionary<string, double> Pages, Dictionary<string, double> Apis)> MeasureReadsAsync(
        HttpClient browser, HttpClient api, HistoryProduct product, int newestBatchId, int runs, CancellationToken ct)
    {
        var id = product.Id;
        (string Name, string Url)[] pages =
        [
            ("/", "/"),
            ("/products/{id}", $"/products/{id}"),
            ("/products/{id}/experiments", $"/products/{id}/experiments"),
            ("/products/{id}/insights", $"/products/{id}/insights"),
            ("/insights", "/insights"),
            ("/products/{id}/batches", $"/products/{id}/batches"),
            ("/products/{id}/models", $"/products/{id}/models"),
            ("/batches/{newest}", $"/batches/{newestBatchId}"),
            ("/alerts", "/alerts"),
        ];
        (string Name, string Url)[] apis =
        [
            ("GET /api/products/{id}/insights", $"/api/products/{id}/insights"),
            ("GET /api/experiments/{id}", $"/api/experiments/{product.ExperimentId}"),
            ("GET /api/products/{id}/batches", $"/api/products/{id}/batches"),
        ];
        var pageTimes = new Dictionary<string, double>();
        foreach (var (name, url) in pages)
            pageTimes[name] = await MedianGetAsync(browser, url, runs, ct);
        var apiTimes = new Dictionary<string, double>();
        foreach (var (name, url) in apis)
            apiTimes[name] = await MedianGetAsync(api, url, runs, ct);
        return (pageTimes, apiTimes);
    }

    /// <summary>One warm-up GET, then <paramref name="runs"/> sequential GETs, each timed until its whole body is read;
    /// the median in ms. Anything but 200 throws.</summary>
    private static async Task<double> MedianGetAsync(HttpClient client, string url, int runs, CancellationToken ct)
    {
        var times = new List<double>(runs);
        for (var i = 0; i <= runs; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead, ct);
            var ms = clock.Elapsed.TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var body = await response.Content.ReadAsStringAsync(ct);
                throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}{(response.Headers.Location is { } to ? " → " + to : "")}: {(body.Length > 500 ? body[..500] + "…" : body)}");
            }
            if (i > 0)
                times.Add(ms);
        }
        return Math.Round(BenchArguments.Median(times), 1);
    }

    /// <summary>"50,200,800" → [50, 200, 800]; null unless every count is a whole number above 0 and above the one before.</summary>
    private static int[]? ParseCheckpoints(string text)
    {
        var counts = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                || n < 1 || (counts.Count > 0 && n <= counts[^1]))
                return null;
            counts.Add(n);
        }
        return counts.Count > 0 ? [.. counts] : null;
    }

    private static long FileSize(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    /// <summary>Grows the product batch by batch; after batch n is stored, the labels of batch n − 2 are uploaded (timed).</summary>
    private sealed class Growth(HistoryProduct product)
    {
        private int _batches;

        public int NewestBatchId { get; private set; }

        /// <summary>Wall time in ms of every routine label upload (one batch each), in order.</summary>
        public List<double> LabelTimes { get; } = [];

        /// <summary>Adds batches up to <paramref name="target"/>; answers how many were added and the seconds spent
        /// uploading batches, uploading labels and in all (generation included).</summary>
        public async Task<(int Added, double Upload, double Labels, double Total)> GrowToAsync(int target, CancellationToken ct)
        {
            var from = _batches;
            var every = Math.Max(1, target / 10);
            double upload = 0, labels = 0;
            var clock = Stopwatch.StartNew();
            while (_batches < target)
            {
                var n = _batches + 1;
                var (batchId, took) = await product.UploadBatchAsync(n, ct);
                (_batches, NewestBatchId, upload) = (n, batchId, upload + took.TotalSeconds);
                if (n > 2)
                {
                    var (_, labelTook) = await product.UploadLabelsAsync(n - 2, n - 2, ct);
                    labels += labelTook.TotalSeconds;
                    LabelTimes.Add(labelTook.TotalMilliseconds);
                }
                if (n % every == 0 && n < target)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  batch {n:N0}: upload {took.TotalMilliseconds:F0} ms, last labels {(LabelTimes.Count > 0 ? LabelTimes[^1] : 0):F0} ms, {clock.Elapsed.TotalSeconds:F0} s since {from:N0}"));
            }
            return (_batches - from, upload, labels, clock.Elapsed.TotalSeconds);
        }
    }
}
