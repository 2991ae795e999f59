using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Models;

/// <summary>One registered model version of a product.</summary>
public sealed record ModelVersionSummary(
    int Id,
    int ProductId,
    int Number,
    ModelSource Source,
    string Trainer,
    ModelStatus Status,
    string FileName,
    string FileHash,
    long FileSizeBytes,
    double? TrainingSeconds,
    int? TrainingRows,
    int? HoldoutRows,
    IReadOnlyDictionary<string, double> HoldoutMetrics,
    string Notes,
    DateTime CreatedAt,
    int BatchCount,
    GateStatus? ReleaseStatus = null,
    DateTime? ReleaseEvaluatedAt = null,
    DateTime? PromotedAt = null)
{
    /// <summary>Trainer settings, hold-out fraction and split, seed (empty for an uploaded model).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
    /// <summary>The feature columns it takes.</summary>
    public IReadOnlyList<string> Features { get; init; } = [];
    /// <summary>Event-time range of its training data, when known.</summary>
    public DateTime? TrainingFrom { get; init; }
    public DateTime? TrainingTo { get; init; }
    /// <summary>When the release gates fail (or could not judge) and an active waiver lets the version be released anyway:
    /// that waiver, shown as "Waived until 2026-12-31 by pm.alice" instead of the failed status. Null otherwise.</summary>
    public WaiverState? Waiver { get; init; }
}
