namespace DataProductDashboard.Analysis.Experiments;

/// <summary>What an <see cref="ArmComparison"/> compares: a rate (successes / trials per arm, two-proportion z-test) or a
/// mean (per-arm average of observations, Welch's t-test).</summary>
public enum ComparisonKind
{
    /// <summary>Share of successes per arm, e.g. accuracy = correct predictions / labelled rows.</summary>
    Rate,

    /// <summary>Average of the observations per arm, e.g. mean absolute error.</summary>
    Mean,
}
