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

    /// <summary>Seed the demo data products on first start.</summary>
    public bool SeedDemo { get; set; } = true;

    /// <summary>A product with an expected cadence raises a missing-batch alert once no batch arrived for this many
    /// cadences (1.1 = 10 % grace).</summary>
    [Range(1.0, 100.0)]
    public double MissingBatchAfterCadences { get; set; } = 1.1;

    /// <summary>How often the background timeliness check runs, in minutes.</summary>
    [Range(0.01, 1440)]
    public double TimelinessCheckMinutes { get; set; } = 5;

    /// <summary>Absolute folder of the root appsettings.json; set at start, not from configuration.</summary>
    public string RootDirectory { get; set; } = Directory.GetCurrentDirectory();

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;

    public string DataPath => Path.GetFullPath(Path.Combine(RootDirectory, DataDirectory));

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataPath, DatabaseFile));
}
