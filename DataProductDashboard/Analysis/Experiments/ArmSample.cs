using DataProductDashboard.Analysis.Statistics;

namespace DataProductDashboard.Analysis.Experiments;

/// <summary>What one arm contributes to a comparison: successes out of trials (a rate) or the moments of the
/// observations whose mean is compared (per-row errors, costs, values, or per-period KPI values).</summary>
public sealed record ArmSample(RateSample? Rate, Moments? Observations)
{
    public static ArmSample OfRate(long successes, long trials) => new(new RateSample(successes, trials), null);

    public static ArmSample OfMoments(Moments moments) => new(null, moments);

    public static ArmSample OfValues(IReadOnlyList<double> values) => OfMoments(Moments.Of(values));

    /// <summary>Trials or observations.</summary>
    public long Count => Rate?.Trials ?? Observations!.Value.Count;

    /// <summary>The rate, or the mean of the observations; NaN when there is nothing.</summary>
    public double Estimate => Rate is { } r ? r.Rate : Observations!.Value.Estimate;

    /// <summary>Sample standard deviation (n − 1) of the observations; null for a rate or fewer than 2 observations.</summary>
    public double? StandardDeviation => Observations?.StandardDeviation;
}
