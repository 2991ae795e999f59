namespace DataProductDashboard.Analysis.Performance;

/// <summary>Production performance against the hold-out value, with a 95 % confidence interval of the production
/// metric: Degraded when the interval lies entirely on the worse side of the hold-out value.</summary>
/// <param name="Metric">"accuracy" (classification, Wilson score interval) or "mae" (regression, t interval of the absolute errors).</param>
public sealed record ConceptDriftResult(
    string Metric,
    bool HigherIsBetter,
    double? Holdout,
    double Value,
    double Low,
    double High,
    long Count,
    ConceptDriftVerdict Verdict)
{
    public const int MinimumCount = 30;

    /// <summary>Relative change of the production metric against the hold-out value (positive = worse).</summary>
    public double? RelativeDecay => Holdout is { } h && h != 0 ? (HigherIsBetter ? h - Value : Value - h) / Math.Abs(h) : null;
}
