namespace DataProductDashboard.Analysis.Insights;

/// <summary>The champion's performance on the latest labelled window against its hold-out value.
/// <paramref name="MetricName"/> is the display name ("MAE", "accuracy"); <paramref name="LowerIsBetter"/> says which way
/// is good; <paramref name="Degraded"/> is the concept-drift verdict of the window (null: not judged).</summary>
public sealed record ModelFacts(int Version, string MetricName, bool LowerIsBetter, double? Current, double? Holdout, bool? Degraded,
    int? EvidenceBatchId)
{
    /// <summary><see cref="EvidenceBatchId"/>'s number within the product ("#3").</summary>
    public int? EvidenceBatchNumber { get; init; }
}
