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
    IReadOnlyList<LineageEvent> Events)
{
    /// <summary>The production batches it scored as a challenger, beside the champion (shadow scoring); Rows counts
    /// the rows it scored.</summary>
    public LineageBatches AsChallenger { get; init; } = new(0, 0, null, null, null, null);
    /// <summary>Trainer settings, hold-out fraction and split, seed (empty for an uploaded model).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> Features { get; init; } = [];
    /// <summary>Event-time range of its training data, when known.</summary>
    public DateTime? TrainingFrom { get; init; }
    public DateTime? TrainingTo { get; init; }
    /// <summary>The worst outcome of its latest release-gate evaluation (null: never evaluated).</summary>
    public GateStatus? ReleaseStatus { get; init; }
    public DateTime? ReleaseEvaluatedAt { get; init; }
    /// <summary>When the release gates fail (or could not judge) and an active waiver lets it be released anyway.</summary>
    public WaiverState? Waiver { get; init; }
}

public sealed record LineageBatches(int Count, long Rows, int? FirstBatchId, DateTime? FirstAt, int? LastBatchId, DateTime? LastAt);

/// <param name="Kind">registered, trained, promoted, promotion-refused, waived, replaced, rolled-back, restored,
/// challenger-marked, challenger-unmarked, release-evaluated, experiment-started, experiment-stopped, experiment-decided, first-batch, latest-batch, first-shadow-batch, latest-shadow-batch.</param>
/// <param name="Link">A page the event is about, when there is one.</param>
public sealed record LineageEvent(DateTime At, string Kind, string Actor, string Text, string? Link = null);
