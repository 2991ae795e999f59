using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Models;

/// <summary>The whole life of one model version: what it is, where it came from, and every decision about it
/// (GET /api/products/{id}/models/{version}/lineage).</summary>
/// <param name="TrainingDataHash">SHA-256 of its training data (the drift reference) when it has one.</param>
/// <param name="AsChampion">The production batches it scored as the champion.</param>
/// <param name="Events">Oldest first.</param>
public sealed record ModelLineage(
    int ProductId,
    string ProductName,
    int Version,
    ModelSource Source,
    string Trainer,
    ModelStatus Status,
    DateTime CreatedAt,
    DateTime? PromotedAt,
    int? TrainingRows,
    int? HoldoutRows,
    double? TrainingSeconds,
    string FileName,
    string FileHash,
    long FileSizeBytes,
    string? TrainingDataHash,
    IReadOnlyDictionary<string, double> HoldoutMetrics,
    string Notes,
    LineageBatches AsChampion,
    IReadOnlyList<LineageEvent> Events);

public sealed record LineageBatches(int Count, long Rows, int? FirstBatchId, DateTime? FirstAt, int? LastBatchId, DateTime? LastAt);

/// <param name="Kind">registered, trained, promoted, promotion-refused, waived, replaced, rolled-back, restored,
/// release-evaluated, experiment-started, experiment-stopped, experiment-decided, first-batch, latest-batch.</param>
/// <param name="Link">A page the event is about, when there is one.</param>
public sealed record LineageEvent(DateTime At, string Kind, string Actor, string Text, string? Link = null);
