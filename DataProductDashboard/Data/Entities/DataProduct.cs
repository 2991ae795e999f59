using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Data.Entities;

/// <summary>A model in production plus its data and business goals.</summary>
public sealed class DataProduct
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public string Owner { get; set; } = "";
    public TaskType Task { get; set; }
    public required ProductSchema Schema { get; set; }
    public int? ChampionVersionId { get; set; }
    /// <summary>Dataset drift share threshold and per-column method / threshold overrides.</summary>
    public DriftSettings DriftSettings { get; set; } = DriftSettings.Default;
    /// <summary>How often a batch is expected; when set, a missing batch raises a timeliness alert.</summary>
    public double? ExpectedCadenceHours { get; set; }
    /// <summary>Set when the product was created with its default gates: the first batch's follow-up adopts the gates
    /// that batch's metrics propose (before judging it), then clears this.</summary>
    public bool AdoptDefaultGates { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>IANA time zone (e.g. "Asia/Shanghai") every date of the product is shown in; null: UTC. Storage and the
    /// API stay in UTC.</summary>
    public string? TimeZone { get; set; }
    /// <summary>When the product was archived: read-only and hidden from the portfolio by default (null: active).</summary>
    public DateTime? ArchivedAt { get; set; }
    /// <summary>Days row-level predictions and uploaded batch files are kept (null: forever); metric points stay.</summary>
    public int? RetentionDays { get; set; }
    /// <summary>The number of the current schema (1 at creation; each accepted change adds one).</summary>
    public int SchemaVersion { get; set; } = 1;
    /// <summary>The product's evaluation set: a labelled CSV (SHA-256 under data/reference) every version can be
    /// compared on; null: none registered.</summary>
    public string? EvaluationSetHash { get; set; }
    public string? EvaluationSetFileName { get; set; }
    public int? EvaluationSetRows { get; set; }
    public DateTime? EvaluationSetAt { get; set; }
    public List<ModelVersion> ModelVersions { get; set; } = [];
    public List<Batch> Batches { get; set; } = [];
}
