namespace DataProductDashboard.Analysis.Experiments;

/// <summary>A metric an A/B test can compare between its arms.</summary>
/// <param name="Key">"perf.accuracy", "prediction.positive_share", "perf.mae", "perf.rmse", "perf.mean_error",
/// "prediction.mean" or "kpi:{id}".</param>
/// <param name="Name">How the UI names it, e.g. "Accuracy" or a KPI's name.</param>
/// <param name="Kind">Rate (two-proportion z-test) or mean of per-row (or per-period) values (Welch's t-test).</param>
/// <param name="LowerIsBetter">True for errors and costs.</param>
/// <param name="NeedsLabels">Only labelled rows count (performance metrics, misclassification cost).</param>
/// <param name="Unit">What the minimum detectable effect is measured in, e.g. "share of rows (0–1)".</param>
/// <param name="Description">What is compared, in a sentence (the estimate and the test).</param>
public sealed record ExperimentMetric(string Key, string Name, ComparisonKind Kind, bool LowerIsBetter, bool NeedsLabels, string Unit, string Description)
{
    public bool IsKpi => Key.StartsWith(ExperimentMetrics.KpiPrefix, StringComparison.Ordinal);
}
