using MathNet.Numerics.Distributions;

namespace DataProductDashboard.Analysis.Performance;

/// <summary>Concept drift as performance decay that is not noise: the production metric's 95 % confidence interval
/// is compared with the model version's hold-out value.</summary>
public static class ConceptDrift
{
    public const double Confidence = 0.95;

    /// <summary>Labelled batches of the rolling window (the batch and the labelled ones before it).</summary>
    public const int WindowBatches = 4;

    /// <summary>Accuracy with a Wilson score interval (z = Φ⁻¹(0.975)).</summary>
    public static ConceptDriftResult Accuracy(long correct, long count, double? holdout)
    {
        if (count == 0)
            return new ConceptDriftResult("accuracy", true, holdout, double.NaN, double.NaN, double.NaN, 0, ConceptDriftVerdict.InsufficientData);
        var z = Normal.InvCDF(0, 1, 1 - ((1 - Confidence) / 2));
        var p = (double)correct / count;
        var denominator = 1 + (z * z / count);
        var centre = (p + (z * z / (2.0 * count))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / count) + (z * z / (4.0 * count * count))) / denominator;
        return Verdict(new ConceptDriftResult("accuracy", true, holdout, p, centre - half, centre + half, count, ConceptDriftVerdict.Stable));
    }

    /// <summary>Mean absolute error with a Student-t interval of the absolute errors.</summary>
    public static ConceptDriftResult MeanAbsoluteError(ReadOnlySpan<double> absoluteErrors, double? holdout)
    {
        var n = absoluteErrors.Length;
        if (n == 0)
            return new ConceptDriftResult("mae", false, holdout, double.NaN, double.NaN, double.NaN, 0, ConceptDriftVerdict.InsufficientData);
        var mean = Drift.Pairwise.Sum(absoluteErrors) / n;
        if (n < 2)
            return new ConceptDriftResult("mae", false, holdout, mean, double.NaN, double.NaN, n, ConceptDriftVerdict.InsufficientData);
        var squares = new double[n];
        for (var i = 0; i < n; i++)
            squares[i] = (absoluteErrors[i] - mean) * (absoluteErrors[i] - mean);
        var sd = Math.Sqrt(Drift.Pairwise.Sum(squares) / (n - 1));
        var t = StudentT.InvCDF(0, 1, n - 1, 1 - ((1 - Confidence) / 2));
        var half = t * sd / Math.Sqrt(n);
        return Verdict(new ConceptDriftResult("mae", false, holdout, mean, mean - half, mean + half, n, ConceptDriftVerdict.Stable));
    }

    private static ConceptDriftResult Verdict(ConceptDriftResult r)
    {
        if (r.Count < ConceptDriftResult.MinimumCount || r.Holdout is not { } h)
            return r with { Verdict = ConceptDriftVerdict.InsufficientData };
        var worse = r.HigherIsBetter ? r.High < h : r.Low > h;
        var better = r.HigherIsBetter ? r.Low > h : r.High < h;
        return r with { Verdict = worse ? ConceptDriftVerdict.Degraded : better ? ConceptDriftVerdict.Improved : ConceptDriftVerdict.Stable };
    }
}
