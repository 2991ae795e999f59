using MathNet.Numerics;

namespace DataProductDashboard.Analysis.Statistics;

/// <summary>The paired t-test (scipy <c>ttest_rel(other, baseline)</c>) on per-row differences: t = mean / (sd / √n)
/// with n − 1 degrees of freedom, two-sided p from Student's t.</summary>
public static class PairedT
{
    public static PairedTResult Test(ReadOnlySpan<double> differences)
    {
        var n = differences.Length;
        if (n < 2)
            return new(n == 1 ? differences[0] : double.NaN, double.NaN, Math.Max(0, n - 1), double.NaN);
        var mean = 0.0;
        foreach (var d in differences)
            mean += d;
        mean /= n;
        var squares = 0.0;
        foreach (var d in differences)
            squares += (d - mean) * (d - mean);
        var sd = Math.Sqrt(squares / (n - 1));
        var df = n - 1;
        if (sd == 0)
            return mean == 0 ? new(mean, double.NaN, df, 1) : new(mean, mean > 0 ? double.PositiveInfinity : double.NegativeInfinity, df, 0);
        var t = mean / (sd / Math.Sqrt(n));
        // Two-sided tail of Student's t: I_{df / (df + t²)}(df / 2, 1 / 2).
        var p = SpecialFunctions.BetaRegularized(df / 2.0, 0.5, df / (df + (t * t)));
        return new(mean, t, df, p);
    }
}

public sealed record PairedTResult(double MeanDifference, double T, int DegreesOfFreedom, double PValue);
