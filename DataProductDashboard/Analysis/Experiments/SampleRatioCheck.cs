namespace DataProductDashboard.Analysis.Experiments;

/// <summary>Sample ratio mismatch check: Pearson's χ² = Σ (observed − expected)² / expected over the two arms with expected
/// counts N (1 − s) and N s (s = <see cref="ExpectedChallengerShare"/>, N = total), 1 degree of freedom;
/// <see cref="Mismatch"/> when its p-value is below <see cref="Threshold"/>.</summary>
/// <param name="ChampionCount">Rows (or trials) the champion arm received.</param>
/// <param name="ChallengerCount">Rows (or trials) the challenger arm received.</param>
/// <param name="ExpectedChallengerShare">The configured share of traffic for the challenger, in (0, 1).</param>
/// <param name="ChiSquare">The χ² statistic; NaN when both counts are 0.</param>
/// <param name="PValue">P(χ²₁ ≥ ChiSquare); NaN when both counts are 0.</param>
public sealed record SampleRatioCheck(long ChampionCount, long ChallengerCount, double ExpectedChallengerShare, double ChiSquare, double PValue)
{
    /// <summary>The p-value below which the split is reported as a mismatch (the usual, deliberately strict SRM level).</summary>
    public const double Threshold = 0.001;

    /// <summary>PValue &lt; <see cref="Threshold"/>; false when there is no data (NaN).</summary>
    public bool Mismatch => PValue < Threshold;
}
