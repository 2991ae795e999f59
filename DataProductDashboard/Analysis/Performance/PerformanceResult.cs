using DataProductDashboard.Analysis.Metrics;

namespace DataProductDashboard.Analysis.Performance;

/// <summary>Model performance on a batch's labelled rows, and concept drift for the batch and for a rolling window
/// of the latest labelled batches.</summary>
public sealed record PerformanceResult(
    long LabelledRows,
    RegressionMetrics? Regression,
    ClassificationMetrics? Classification,
    ConceptDriftResult ConceptDrift,
    ConceptDriftResult? Window,
    int WindowBatches);
