using System.ComponentModel.DataAnnotations;

namespace DataProductDashboard.Configuration;

/// <summary>The "Dashboard" section of the root appsettings.json.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>Folder for the database, model zips and batch files; relative paths start at the folder holding appsettings.json.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>SQLite database file; relative paths start at <see cref="DataDirectory"/>.</summary>
    [Required]
    public string DatabaseFile { get; set; } = "dashboard.db";

    /// <summary>Largest accepted upload (batch CSV or model zip), in MB.</summary>
    [Range(1, 4096)]
    public int MaxUploadMegabytes { get; set; } = 256;

    /// <summary>Batches with at least this many rows are scored in the background queue.</summary>
    [Range(1, int.MaxValue)]
    public int BackgroundBatchRows { get; set; } = 100_000;

    /// <summary>A batch is read, scored and audited in chunks of this many rows, so an import holds one chunk (plus
    /// about 30 bytes per row) however long the file is.</summary>
    [Range(1_000, 10_000_000)]
    public int ImportChunkRows { get; set; } = 131_072;

    /// <summary>A batch whose newest event time lies more than this many days before its arrival is taken for a
    /// backfill (placed at its event time, never judged late), unless the upload says otherwise (?backfill=false).</summary>
    [Range(1, 36500)]
    public int BackfillAfterDays { get; set; } = Services.Batches.DashboardOptionsDefaults.BackfillAfterDays;

    /// <summary>Numeric drift tests take every row of a batch up to this many, and a seeded uniform sample of this many
    /// rows of a longer batch (the audit says so); categorical drift and data quality always count every row.</summary>
    [Range(10_000, 100_000_000)]
    public int DriftSampleRows { get; set; } = 1_000_000;

    /// <summary>Imports (and training runs) parsed, scored and stored at the same time; more wait in line. 0 = the
    /// number of cores.</summary>
    [Range(0, 256)]
    public int MaxConcurrentImports { get; set; }

    /// <summary>Memory the imports running at the same time may take, in MB, reckoned as twice the size of each
    /// file: a large file waits until the ones before it are done. One import always runs, however large.</summary>
    [Range(16, 1 << 20)]
    public int ImportMemoryBudgetMegabytes { get; set; } = 600;

    /// <summary>Uploads that may wait for an import slot; past that the API answers 503 with Retry-After.</summary>
    [Range(1, 10_000)]
    public int MaxQueuedImports { get; set; } = 64;

    /// <summary>How often an interrupted background job (the app stopped while it ran) is started again before it
    /// is marked failed.</summary>
    [Range(1, 20)]
    public int JobMaxAttempts { get; set; } = 3;

    /// <summary>A running job belongs to its instance for this many seconds, renewed every third of it while the instance
    /// lives; an instance that died loses its jobs to the others (or to itself after a restart) once this passed.</summary>
    [Range(2, 3600)]
    public int JobLeaseSeconds { get; set; } = 30;

    /// <summary>How long an Idempotency-Key is remembered, in hours.</summary>
    [Range(1, 24 * 30)]
    public int IdempotencyKeyHours { get; set; } = 24;

    /// <summary>Challengers score at most this many rows of each production batch beside the champion (the first rows
    /// of the file); 0 turns shadow scoring off.</summary>
    [Range(0, 10_000_000)]
    public int ShadowRowsPerBatch { get; set; } = 10_000;

    /// <summary>A version registered or trained after the first starts as a challenger (shadow-scored on each new batch,
    /// so it has a metric history on the same rows as the champion before anyone decides), while the product has fewer
    /// than four; off: it starts as a candidate and is marked by hand.</summary>
    public bool ShadowNewVersions { get; set; } = true;

    /// <summary>Seed the demo data products on first start.</summary>
    public bool SeedDemo { get; set; } = true;

    /// <summary>A product with an expected cadence raises a missing-batch alert once no batch arrived for this many
    /// cadences (1.1 = 10 % grace).</summary>
    [Range(1.0, 100.0)]
    public double MissingBatchAfterCadences { get; set; } = 1.1;

    /// <summary>How often the background timeliness check runs, in minutes.</summary>
    [Range(0.01, 1440)]
    public double TimelinessCheckMinutes { get; set; } = 5;

    /// <summary>How often the retention sweep (products with a retention setting) runs, in minutes.</summary>
    [Range(0.01, 10080)]
    public double RetentionCheckMinutes { get; set; } = 60;

    /// <summary>Absolute folder of the root appsettings.json; set at start, not from configuration.</summary>
    public string RootDirectory { get; set; } = Directory.GetCurrentDirectory();

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;

    public int ImportSlots => MaxConcurrentImports > 0 ? MaxConcurrentImports : Environment.ProcessorCount;

    public string DataPath => Path.GetFullPath(Path.Combine(RootDirectory, DataDirectory));

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataPath, DatabaseFile));
}
