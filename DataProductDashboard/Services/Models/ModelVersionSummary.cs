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
    DateTime? PromotedAt = null);
