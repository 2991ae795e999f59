using DataProductDashboard.Domain;
using MathNet.Numerics.Distributions;

namespace DataProductDashboard.Analysis.Experiments;

/// <summary>One arm's estimate of a metric with its own two-sided (1 − α) confidence interval, for the per-arm chart
/// (the test itself compares the arms: <see cref="ArmComparison"/>). Rates: Wald interval p ± z √(p (1 − p) / n),
/// clipped to [0, 1]; means: t interval x̄ ± t_{n−1} s / √n (NaN bounds below 2 observations).</summary>
public sealed record ArmEstimate(string Metric, ExperimentArm Arm, double Estimate, double Low, double High, long Count)
{
    /// <summary>The arm's estimate and interval; null when the arm has no observation of the metric.</summary>
    public static ArmEstimate? Of(string metric, ExperimentArm arm, ArmSample sample, double alpha)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (sample.Count == 0)
            return null;
        var estimate = sample.Estimate;
        if (sample.Rate is { } rate)
        {
            var half = Normal.InvCDF(0, 1, 1 - (alpha / 2)) * Math.Sqrt(estimate * (1 - estimate) / rate.Trials);
            return new ArmEstimate(metric, arm, estimate, Math.Max(0, estimate - half), Math.Min(1, estimate + half), rate.Trials);
        }
        if (sample.StandardDeviation is not { } sd)
            return new ArmEstimate(metric, arm, estimate, double.NaN, double.NaN, sample.Count);
        var t = StudentT.InvCDF(0, 1, sample.Count - 1, 1 - (alpha / 2)) * sd / Math.Sqrt(sample.Count);
        return new ArmEstimate(metric, arm, estimate, estimate - t, estimate + t, sample.Count);
    }
}
