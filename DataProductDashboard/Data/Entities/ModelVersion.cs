using DataProductDashboard.Domain;

namespace DataProductDashboard.Data.Entities;

/// <summary>One registered model of a product: an ML.NET zip stored under data/models by SHA-256.</summary>
public sealed class ModelVersion
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public DataProduct? Product { get; set; }
    public int Number { get; set; }
    public ModelSource Source { get; set; }
    public string Trainer { get; set; } = "";
    public required string FileHash { get; set; }
    public string FileName { get; set; } = "";
    public long FileSizeBytes { get; set; }
    public double? TrainingSeconds { get; set; }
    public int? TrainingRows { get; set; }
    public int? HoldoutRows { get; set; }
    public Dictionary<string, double> HoldoutMetrics { get; set; } = [];
    /// <summary>How it was trained: trainer settings, hold-out fraction and split, seed (empty for an uploaded model).</summary>
    public Dictionary<string, string> Parameters { get; set; } = [];
    /// <summary>The feature columns it takes, in the product schema's order when it was registered.</summary>
    public List<string> Features { get; set; } = [];
    /// <summary>Event-time range of its training data (or of the reference data of an upload), when the schema has one.</summary>
    public DateTime? TrainingFrom { get; set; }
    public DateTime? TrainingTo { get; set; }
    /// <summary>SHA-256 of the training data file kept under data/reference (the drift reference).</summary>
    public string? ReferenceFileHash { get; set; }
    public ModelStatus Status { get; set; }
    /// <summary>When the version last became champion: a release marker on every time axis.</summary>
    public DateTime? PromotedAt { get; set; }
    public string Notes { get; set; } = "";
    /// <summary>The worst outcome of the latest release-gate evaluation (null: not evaluated yet).</summary>
    public GateStatus? ReleaseStatus { get; set; }
    public DateTime? ReleaseEvaluatedAt { get; set; }
    public DateTime CreatedAt { get; set; }
}
