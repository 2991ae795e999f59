using DataProductDashboard.Analysis;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Batches;

/// <summary>A batch with its product context and prediction distribution.</summary>
/// <param name="Audit">Data quality and drift against the model version's reference; null when the version has no reference data.</param>
public sealed record BatchDetail(BatchSummary Batch, string ProductName, TaskType Task, string? PositiveClass, PredictionProfile? Predictions,
    AuditResult? Audit = null);
