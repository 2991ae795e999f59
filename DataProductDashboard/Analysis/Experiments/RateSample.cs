namespace DataProductDashboard.Analysis.Experiments;

/// <summary>Successes out of trials in one arm, e.g. correct predictions out of labelled rows; <see cref="Rate"/> =
/// Successes / Trials (NaN when there are no trials).</summary>
public sealed record RateSample(long Successes, long Trials)
{
    /// <summary>Successes / Trials; NaN for 0 trials.</summary>
    public double Rate => Trials == 0 ? double.NaN : (double)Successes / Trials;
}
