using DataProductDashboard.Analysis;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Batches;

/// <summary>A batch with its product context and prediction distribution.</summary>
public sealed record BatchDetail(BatchSummary Batch, string ProductName, TaskType Task, string? PositiveClass, PredictionProfile? Predictions);
