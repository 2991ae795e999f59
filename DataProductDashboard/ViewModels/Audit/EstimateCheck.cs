using DataProductDashboard.Services.Audit;

namespace DataProductDashboard.ViewModels.Audit;

/// <summary>How far the estimates made before labels were from the values measured once they came: over the batches
/// that have both, the mean absolute difference and how many realized values fell inside the estimate's ± 3 SE band.</summary>
public sealed record EstimateCheck(int Batches, double MeanAbsoluteDifference, int WithinBand, int WithBand)
{
    public static EstimateCheck Of(IReadOnlyList<MetricSeriesPoint> estimates, IReadOnlyList<MetricSeriesPoint> standardErrors, IReadOnlyList<MetricSeriesPoint> realized)
    {
        var truth = realized.Where(p => p.BatchId is not null && !p.Shadow).GroupBy(p => p.BatchId!.Value).ToDictionary(g => g.Key, g => g.Last().Value);
        var errors = standardErrors.Where(p => p.BatchId is not null).GroupBy(p => p.BatchId!.Value).ToDictionary(g => g.Key, g => g.Last().Value);
        var pairs = estimates.Where(p => p.BatchId is { } id && truth.ContainsKey(id)).Select(p => (Estimate: p.Value, Truth: truth[p.BatchId!.Value],
            Se: errors.TryGetValue(p.BatchId!.Value, out var se) ? se : double.NaN)).ToList();
        return new EstimateCheck(pairs.Count, pairs.Count == 0 ? double.NaN : pairs.Average(p => Math.Abs(p.Estimate - p.Truth)),
            pairs.Count(p => double.IsFinite(p.Se) && Math.Abs(p.Estimate - p.Truth) <= 3 * p.Se), pairs.Count(p => double.IsFinite(p.Se)));
    }

    /// <summary>"Estimated before labels on 4 batches: off by 0.021 on average; the measured value was inside the
    /// estimate's band on 4 of 4."; null when no batch has both.</summary>
    public string? Sentence(Func<double, string> format) => Batches == 0 ? null
        : $"Estimated before labels on {Batches} labelled batch{(Batches == 1 ? "" : "es")}: off by {format(MeanAbsoluteDifference)} on average"
          + (WithBand > 0 ? $"; the measured value was inside the estimate's ± 3 SE band on {WithinBand} of {WithBand}." : ".");
}
