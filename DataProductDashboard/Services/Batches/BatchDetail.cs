using DataProductDashboard.Analysis;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Batches;

/// <summary>A batch with its product context and prediction distribution.</summary>
/// <param name="Audit">Data quality and drift against the model version's reference; null when the version has no reference data.</param>
/// <param name="Performance">Metrics on the labelled rows and concept drift; null until labels arrive.</param>
/// <param name="Gates">The batch gates' outcomes, worst first; <see cref="Health"/> is the worst (null: no gate judged it).</param>
public sealed record BatchDetail(BatchSummary Batch, string ProductName, TaskType Task, string? PositiveClass, PredictionProfile? Predictions,
    AuditResult? Audit = null, Analysis.Performance.PerformanceResult? Performance = null,
    IReadOnlyList<Gates.GateEvaluationView>? Gates = null, GateStatus? Health = null)
{
    /// <summary>Binary: the names of the classes stored as 0 and 1 (null for other tasks).</summary>
    public ClassNames? Classes { get; init; }

    /// <summary>Whether the batch's gates and KPI contributions are final ("done") or still being computed ("pending").</summary>
    public string FollowUp => Batch.FollowUp;
}
