namespace DataProductDashboard.Analysis.Insights;

/// <summary>Everything the insight generator reads about one product, gathered from stored results.</summary>
public sealed record ProductFacts(int ProductId, string ProductName, DateTime Now, BatchFacts? LatestBatch, ModelFacts? Model,
    IReadOnlyList<KpiFacts> Kpis, IReadOnlyList<ExperimentFacts> Experiments, MissingBatchFacts? MissingBatch);
