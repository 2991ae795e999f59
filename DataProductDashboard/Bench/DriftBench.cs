using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Ingestion;

namespace DataProductDashboard.Bench;

/// <summary>`bench drift --rows N [--runs R] [--out-dir DIR]`: reads the reference and current CSVs (written once
/// with fixed seeds), runs the full default drift audit and the data-quality audit — the engine every batch import
/// uses — and writes the per-column results as JSON beside the CSVs. Reports the median of the runs per stage.</summary>
public static class DriftBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArguments(args);
        var rows = options.Int("rows", 1_000_000);
        var runs = options.Int("runs", 3);
        var outDir = Path.GetFullPath(options.String("out-dir", Path.Combine(Path.GetTempPath(), "dpd-bench-drift")));
        Directory.CreateDirectory(outDir);
        var referencePath = Path.Combine(outDir, $"reference-{rows}.csv");
        var currentPath = Path.Combine(outDir, $"current-{rows}.csv");
        if (!File.Exists(referencePath) || !File.Exists(currentPath))
        {
            var generate = Stopwatch.StartNew();
            Parallel.Invoke(
                () => DriftBenchData.Write(referencePath, rows, seed: 1, shifted: false),
                () => DriftBenchData.Write(currentPath, rows, seed: 2, shifted: true));
            Console.WriteLine($"wrote {rows:N0} + {rows:N0} rows in {generate.Elapsed.TotalSeconds:F1} s → {outDir}");
        }

        var timings = new List<(double Read, double Audit, double Total)>();
        AuditResult? audit = null;
        for (var run = 1; run <= runs; run++)
        {
            BenchArguments.ReleaseMemory();
            (var read, var auditSeconds, audit) = RunOnce(referencePath, currentPath, rows);
            timings.Add((read, auditSeconds, read + auditSeconds));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: read {read:F2} s, audit {auditSeconds:F2} s, total {read + auditSeconds:F2} s (peak RSS so far {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB)"));
        }

        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        var drift = audit!.Drift;
        var report = new
        {
            dataset = new { columns = drift.Columns, drifted = drift.Drifted, share = drift.Share, drift = drift.Drift },
            columns = drift.ColumnResults.Select(c => new { column = c.Column, kind = c.Kind, method = c.Method, score = c.Score, threshold = c.Threshold, drift = c.Drift }),
            quality = new
            {
                missingShare = audit.Quality.MissingShare,
                duplicateRows = audit.Quality.DuplicateRows,
                columns = audit.Quality.Columns.Select(c => new { column = c.Column, missingShare = c.MissingShare, unseenShare = c.UnseenShare }),
            },
            timing_s = new { read = BenchArguments.Median(timings.Select(t => t.Read)), audit = BenchArguments.Median(timings.Select(t => t.Audit)), total = BenchArguments.Median(timings.Select(t => t.Total)) },
            runs,
            rows,
            peakMemoryMb = Math.Round(peakMb, 1),
        };
        var jsonPath = Path.Combine(outDir, $"drift-{rows}.json");
        await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        foreach (var c in drift.ColumnResults)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {c.Column,-7} {c.Method,-14} score {c.Score,10:G4}  threshold {c.Threshold,-5} {(c.Drift ? "DRIFT" : "")}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median of {runs}: read {report.timing_s.read:F2} s, audit {report.timing_s.audit:F2} s, total {report.timing_s.total:F2} s; {drift.Drifted} of {drift.Columns} columns drifted; peak RSS {peakMb:F0} MB → {jsonPath}"));
        return 0;
    }

    /// <summary>One measured run in its own frame, so nothing of it stays reachable once it returns.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (double Read, double Audit, AuditResult Result) RunOnce(string referencePath, string currentPath, int rows)
    {
        var total = Stopwatch.StartNew();
        ParsedCsv? reference = null, current = null;
        Parallel.Invoke(
            () => reference = CsvBatchReader.ReadFile(referencePath, "reference.csv", DriftBenchData.Schema, CsvReadMode.Batch),
            () => current = CsvBatchReader.ReadFile(currentPath, "current.csv", DriftBenchData.Schema, CsvReadMode.Batch));
        var read = total.Elapsed.TotalSeconds;
        var profile = ReferenceProfile.Build(DriftBenchData.Schema, reference!.Table, []);
        reference = null;
        var audit = BatchAuditor.Audit(DriftBenchData.Schema, current!.Table, null, [], profile, DateTime.UtcNow, [rows], DriftSettings.Default);
        return (read, total.Elapsed.TotalSeconds - read, audit);
    }
}
