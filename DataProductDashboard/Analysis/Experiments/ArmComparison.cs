namespace DataProductDashboard.Analysis.Experiments;

/// <summary>One metric compared between the champion (control) and challenger (treatment) arm: Difference = challenger −
/// champion, RelativeDifference = Difference / Champion, a two-sided (1 − Alpha) confidence interval of the difference, the
/// test statistic (z or Welch t) and its two-sided p-value; <see cref="Significant"/> = (AdjustedPValue ?? PValue) &lt; Alpha.</summary>
/// <param name="Metric">The metric's name, as given by the caller.</param>
/// <param name="Kind">Rate (two-proportion z-test) or mean (Welch's t-test).</param>
/// <param name="Champion">The champion arm's rate or mean.</param>
/// <param name="Challenger">The challenger arm's rate or mean.</param>
/// <param name="ChampionCount">Trials (rate) or observations (mean) in the champion arm.</param>
/// <param name="ChallengerCount">Trials (rate) or observations (mean) in the challenger arm.</param>
/// <param name="Difference">Challenger − champion.</param>
/// <param name="RelativeDifference">Difference / Champion; null when Champion is 0.</param>
/// <param name="ConfidenceLow">Lower bound of the two-sided (1 − Alpha) confidence interval of Difference.</param>
/// <param name="ConfidenceHigh">Upper bound of the two-sided (1 − Alpha) confidence interval of Difference.</param>
/// <param name="Statistic">z (rates) or Welch's t (means); NaN when the standard error is 0.</param>
/// <param name="DegreesOfFreedom">Welch–Satterthwaite degrees of freedom; null for z; NaN when both variances are 0.</param>
/// <param name="PValue">Two-sided p-value; NaN when <paramref name="Statistic"/> is NaN.</param>
/// <param name="AdjustedPValue">Holm-adjusted p-value over the family, set by <see cref="AbTests.HolmAdjust"/>; null before.</param>
/// <param name="Alpha">Significance level the interval and <see cref="Significant"/> use.</param>
public sealed record ArmComparison(
    string Metric,
    ComparisonKind Kind,
    double Champion,
    double Challenger,
    long ChampionCount,
    long ChallengerCount,
    double Difference,
    double? RelativeDifference,
    double ConfidenceLow,
    double ConfidenceHigh,
    double Statistic,
    double? DegreesOfFreedom,
    double PValue,
    double? AdjustedPValue,
    double Alpha)
{
    /// <summary>(AdjustedPValue ?? PValue) &lt; Alpha; false when that p-value is NaN.</summary>
    public bool Significant => (AdjustedPValue ?? PValue) < Alpha;
}
