namespace DataProductDashboard.Analysis.Experiments;

/// <summary>What one arm contributes to a comparison: successes out of trials (a rate) or the observations whose mean is
/// compared (per-row errors, costs, values, or per-period KPI values).</summary>
public sealed record ArmSample(RateSample? Rate, IReadOnlyList<double>? Values)
{
    public static ArmSample OfRate(long successes, long trials) => new(new RateSample(successes, trials), null);

    public static ArmSample OfValues(IReadOnlyList<double> values) => new(null, values);

    /// <summary>Trials or observations.</summary>
    public long Count => Rate?.Trials ?? Values!.Count;

    /// <summary>The rate, or the mean of the values; NaN when there is nothing.</summary>
    public double Estimate => Rate is { } r ? r.Rate : Values!.Count == 0 ? double.NaN : Values.Average();

    /// <summary>Sample standard deviation (n − 1) of the values; null for a rate or fewer than 2 values.</summary>
    public double? StandardDeviation
    {
        get
        {
            if (Values is not { Count: >= 2 } values)
                return null;
            var mean = values.Average();
            var squares = 0.0;
            foreach (var v in values)
                squares += (v - mean) * (v - mean);
            return Math.Sqrt(squares / (values.Count - 1));
        }
    }
}
