namespace DataProductDashboard.Analysis.Kpi;

/// <summary>What the production audit said about one batch, as the business-drift classification needs it.
/// <paramref name="FirstPeriod"/> … <paramref name="LastPeriod"/>: the KPI periods the batch's rows fall in (by event
/// time, or by arrival when the product has no event time). Drift: the dataset-drift verdict (drifted share ≥ the
/// product's threshold), the drifted share and counts. Performance (labelled batches): the concept-drift verdict of the
/// batch, its metric (<paramref name="PerformanceMetric"/> "mae" or "accuracy") against the model version's hold-out
/// value, and the names of performance gates (perf.*, concept.*) that failed on it.</summary>
public sealed record KpiBatchAudit(
    int BatchId,
    DateTime FirstPeriod,
    DateTime LastPeriod,
    bool DatasetDrift,
    double? DriftShare,
    int? DriftedColumns,
    int? FeatureColumns,
    bool Labelled,
    bool ConceptDegraded,
    string? PerformanceMetric,
    double? PerformanceValue,
    double? HoldoutValue,
    IReadOnlyList<string> FailedPerformanceGates)
{
    /// <summary>The batch's number within its product, as sentences name it ("batch #3").</summary>
    public int BatchNumber { get; init; }

    public bool Covers(DateTime periodStart) => FirstPeriod <= periodStart && periodStart <= LastPeriod;

    /// <summary>Model performance fell: a degraded concept-drift verdict or a failed performance gate.</summary>
    public bool PerformanceFell => ConceptDegraded || FailedPerformanceGates.Count > 0;

    /// <summary>How much worse than hold-out, relative (0.2 = 20 % worse); null without both values.</summary>
    public double? Decay => PerformanceValue is { } v && HoldoutValue is { } h && h != 0 && double.IsFinite(v)
        ? (PerformanceMetric == "accuracy" ? h - v : v - h) / Math.Abs(h)
        : null;
}
